#!/usr/bin/env python3
"""Checks a Debian machine-readable copyright file (DEP-5, copyright-format 1.0) the way
lintian and the format's text ask: the header paragraph names the format, every Files
paragraph has Files, Copyright and License, every license a Files paragraph names has its
text (inline or in a stand-alone License paragraph), no field is unknown or repeated.

    check-dep5.py COPYRIGHT
"""
import re
import sys

FORMAT = "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
HEADER_FIELDS = {"Format", "Upstream-Name", "Upstream-Contact", "Source", "Disclaimer", "Comment",
                 "License", "Copyright", "Files-Excluded"}
FILES_FIELDS = {"Files", "Copyright", "License", "Comment"}
LICENSE_FIELDS = {"License", "Comment"}


def paragraphs(text):
    """Yields (line number, {field: (first line, continuation lines)}) per paragraph."""
    current, start, last = {}, 0, None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            if current:
                yield start, current
            current, last = {}, None
            continue
        if line[0] in " \t":
            if last is None:
                sys.exit(f"line {number}: continuation line without a field")
            current[last][1].append(line[1:])
            continue
        match = re.match(r"^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$", line)
        if not match:
            sys.exit(f"line {number}: neither 'Field: value' nor a continuation line: {line!r}")
        field = match.group(1)
        if field in current:
            sys.exit(f"line {number}: field {field} repeated in one paragraph")
        if not current:
            start = number
        current[field], last = (match.group(2).strip(), []), field
    if current:
        yield start, current


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = list(paragraphs(open(sys.argv[1], encoding="utf-8").read()))
    if not found:
        sys.exit("empty file")
    errors, named, texts = [], {}, set()
    line, header = found[0]
    if header.get("Format", ("",))[0] != FORMAT:
        errors.append(f"line {line}: the first paragraph must start with 'Format: {FORMAT}'")
    errors += [f"line {line}: unknown header field {f}" for f in header if f not in HEADER_FIELDS]
    files_seen = False
    for line, fields in found[1:]:
        if "Files" in fields:
            files_seen = True
            for needed in ("Copyright", "License"):
                if not fields.get(needed, ("",))[0]:
                    errors.append(f"line {line}: Files paragraph without {needed}")
            errors += [f"line {line}: unknown field {f} in a Files paragraph" for f in fields if f not in FILES_FIELDS]
        elif "License" in fields:
            errors += [f"line {line}: unknown field {f} in a License paragraph" for f in fields if f not in LICENSE_FIELDS]
            if not fields["License"][1]:
                errors.append(f"line {line}: stand-alone License paragraph without the license text")
        else:
            errors.append(f"line {line}: paragraph is neither Files nor License")
            continue
        short, text = fields.get("License", ("", []))
        if text:
            texts.add(short)
        elif short:
            named.setdefault(short, line)
    if not files_seen:
        errors.append("no Files paragraph")
    elif found[1][1].get("Files", ("",))[0] != "*":
        errors.append(f"line {found[1][0]}: the first Files paragraph should be 'Files: *'")
    for short, line in named.items():
        # "A or B" and "A and B" expressions name each license separately.
        for name in re.split(r"\s+(?:or|and)\s+", short):
            if name not in texts:
                errors.append(f"line {line}: license {name} has no text in this file")
    if errors:
        sys.exit("\n".join(errors))
    print(f"{sys.argv[1]}: DEP-5 ok ({len(found) - 1} paragraphs after the header)")


if __name__ == "__main__":
    main()
