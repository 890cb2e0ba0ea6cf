#!/usr/bin/env python3
"""Checks every #include of the product code against the floor table of docs/architecture.md.

A library may include its own headers, the libraries its row names under "may use" and,
through them, what those may use. Anything else (upward, or sideways onto a library of the
same floor) fails, naming the file, the line and the rule. Private headers (*_p.h) may only
be included from their own folder.

--plant FILE:HEADER adds a virtual '#include "HEADER"' to FILE, to show that the check fails.
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SOURCE_EXTENSIONS = ('.h', '.cpp')
SYSTEM_INCLUDE = re.compile(r'^\s*#\s*include\s+<([^>]+)>')
# Headers of QtWidgets (and the module header) that must never appear under core/.
WIDGET_HEADERS = {'QtWidgets', 'QApplication', 'QWidget', 'QMainWindow', 'QDialog', 'QMessageBox', 'QLabel',
                  'QPushButton', 'QStyle', 'QAbstractItemView', 'QTreeView', 'QListView', 'QTableView',
                  'QLineEdit', 'QPlainTextEdit', 'QTextEdit', 'QLayout', 'QBoxLayout', 'QScrollBar'}


def read_table(architecture):
    """Rows of the floors table: (target, [folders], [targets it may use])."""
    rows = []
    in_table = False
    for line in open(architecture, encoding='utf-8'):
        if line.startswith('## Libraries and their floors'):
            in_table = True
            continue
        if in_table and line.startswith('## '):
            break
        if not in_table or not line.startswith('|') or '---' in line:
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) < 4 or cells[0] == 'floor':
            continue
        target = re.findall(r'`([^`]+)`', cells[1])
        folders = re.findall(r'`([^`]+)`', cells[2])
        rows.append((target[0] if target else cells[1], [f for f in folders if '/' in f], cells[3]))
    return rows


def library_of_folder(rows):
    folders = {}
    for target, dirs, _ in rows:
        for d in dirs:
            folders[d.rstrip('/')] = target
    return folders


def allowed_targets(rows):
    """target -> targets it may include (itself and, transitively, what it may use)."""
    short = {}
    for target, _, _ in rows:
        name = target.replace('countersign-', '').replace('-lib', '')
        short[name] = target
    short['server'] = 'countersign-server-lib'
    direct = {}
    for target, _, uses in rows:
        words = set(re.findall(r'[a-z]+', uses.lower()))
        deps = {short[w] for w in words if w in short and short[w] != target}
        if "server's store" in uses:
            deps.add('countersign-store')
        if target == 'executables':
            deps = {t for t, _, _ in rows if t != target}
        direct[target] = deps
    closure = {}
    for target in direct:
        seen, todo = {target}, list(direct[target])
        while todo:
            t = todo.pop()
            if t not in seen:
                seen.add(t)
                todo.extend(direct.get(t, ()))
        closure[target] = seen
    return closure


def owner(path, folders):
    """The library that owns a repository-relative path (longest folder prefix)."""
    best = None
    for folder, target in folders.items():
        if (path == folder or path.startswith(folder + '/')) and (best is None or len(folder) > len(best[0])):
            best = (folder, target)
    if best is None and path.startswith('ui/'):
        return 'countersign-ui'
    return best[1] if best else None


def resolve(top, including, header):
    """Repository-relative path of a quoted include, or None for generated/system files."""
    for base in (os.path.dirname(including), 'core', 'ui', '.'):
        candidate = os.path.normpath(os.path.join(base, header))
        if os.path.isfile(os.path.join(top, candidate)):
            return candidate
    return None


def check(top, plants):
    rows = read_table(os.path.join(top, 'docs', 'architecture.md'))
    if len(rows) < 5:
        return ['docs/architecture.md: the floors table was not found or is incomplete']
    folders = library_of_folder(rows)
    folders['app'] = 'executables'
    allowed = allowed_targets(rows)
    problems = []
    checked = 0
    for root_dir in ('core', 'ui', 'app'):
        for dirpath, _, files in os.walk(os.path.join(top, root_dir)):
            for name in sorted(files):
                if not name.endswith(SOURCE_EXTENSIONS):
                    continue
                path = os.path.relpath(os.path.join(dirpath, name), top)
                lines = open(os.path.join(top, path), encoding='utf-8').read().splitlines()
                lines += ['#include %s' % (h if h.startswith('<') else '"%s"' % h) for f, h in plants if f == path]
                mine = owner(path, folders)
                for number, line in enumerate(lines, 1):
                    system = SYSTEM_INCLUDE.match(line)
                    if system and path.startswith('core/') and system.group(1).split('/')[0] in WIDGET_HEADERS:
                        problems.append('%s:%d: #include <%s>: core/ never includes a widget header'
                                        % (path, number, system.group(1)))
                    match = INCLUDE.match(line)
                    if not match:
                        continue
                    target = resolve(top, path, match.group(1))
                    if target is None:
                        continue
                    checked += 1
                    theirs = owner(target, folders)
                    where = '%s:%d: #include "%s"' % (path, number, match.group(1))
                    if target.endswith('_p.h') and os.path.dirname(target) != os.path.dirname(path):
                        problems.append('%s: a private header of %s' % (where, os.path.dirname(target)))
                    elif mine and theirs and theirs not in allowed.get(mine, {mine}):
                        problems.append('%s: %s may not use %s (docs/architecture.md, floors)' % (where, mine, theirs))
    if checked < 500:
        problems.append('only %d includes checked: the walk is broken' % checked)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('top', help='the source tree')
    parser.add_argument('--plant', action='append', default=[], metavar='FILE:HEADER',
                        help='add a virtual include (HEADER in <> for a system header) to FILE')
    args = parser.parse_args()
    plants = [tuple(p.split(':', 1)) for p in args.plant]
    problems = check(args.top, plants)
    for p in problems:
        print(p)
    if problems:
        print('%d include(s) break the floors' % len(problems))
        return 1
    print('every include keeps to the floors')
    return 0


if __name__ == '__main__':
    sys.exit(main())
