"""Weekly refund report, sent to the finance team every Monday."""

import csv
import smtplib
from datetime import date, timedelta
from decimal import Decimal

SMTP_HOST = "mail.internal"
RECIPIENTS = ["finance@example.com", "audit@example.com"]


def load_refunds(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def summarize(rows):
    # Decimal: binary floats drift on currency sums.
    return sum((Decimal(row["amount"]) for row in rows), Decimal(0))


def week_range(today):
    start = today - timedelta(days=today.weekday() + 7)
    end = start + timedelta(days=6)
    return start, end


def format_line(row):
    return f"{row['id']:>8}  {row['customer']:<24}  {row['amount']:>10}"


def build_body(rows, start, end):
    lines = [f"Refunds from {start} to {end}", ""]
    lines += [format_line(row) for row in rows]
    lines.append("")
    lines.append(f"Total: {summarize(rows):.2f} EUR")
    return "\n".join(lines)


def send(body):
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.sendmail("reports@example.com", RECIPIENTS, body)


if __name__ == "__main__":
    rows = load_refunds("refunds.csv")
    start, end = week_range(date.today())
    send(build_body(rows, start, end))
