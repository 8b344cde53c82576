#!/usr/bin/env python3
"""Rebuilds input/ here from the repository's input/ with every table in its other form
(CSV as YAML, YAML as CSV). The golden test checks both forms give the same bytes; run this
after changing the sample month. Gateway exports, payments, settings and state are copied."""
import csv, io, os, shutil, yaml

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, '..', '..', '..', '..', 'input')
target = os.path.join(here, 'input')
shutil.rmtree(target, ignore_errors=True)
os.makedirs(target)

def quoted(value):
    return '"' + value.replace('\\', '\\\\').replace('"', '\\"') + '"'

for name in sorted(os.listdir(source)):
    path = os.path.join(source, name)
    stem, ext = os.path.splitext(name)
    if stem in ('tenants', 'products', 'subscriptions', 'orders', 'vouchers') and ext == '.csv':
        rows = list(csv.DictReader(open(path, encoding='utf-8')))
        lines = [f'# The sample {stem}, as YAML; bank details nest as a mapping.']
        for row in rows:
            plain = {k: v for k, v in row.items() if v != '' and not k.startswith('bank_')}
            fields = [f'{k}: {quoted(v)}' for k, v in plain.items()]
            if row.get('bank_code'):
                fields.append('bank: {' + ', '.join(f'{k[5:]}: {quoted(row[k])}' for k in ('bank_code', 'bank_account', 'bank_holder')) + '}')
            lines.append('- {' + ', '.join(fields) + '}')
        open(os.path.join(target, stem + '.yaml'), 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
    elif stem in ('tenants', 'products', 'subscriptions', 'orders', 'vouchers') and ext == '.yaml':
        records = yaml.load(open(path, encoding='utf-8'), Loader=yaml.BaseLoader)
        columns = []
        for record in records:
            for key in record:
                if key not in columns:
                    columns.append(key)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator='\r\n')
        writer.writerow(columns)
        def cell(value):
            return '|'.join(value) if isinstance(value, list) else value
        for record in records:
            writer.writerow([cell(record.get(column, '')) for column in columns])
        open(os.path.join(target, stem + '.csv'), 'w', encoding='utf-8', newline='').write(buffer.getvalue())
    elif os.path.isfile(path):
        shutil.copy(path, os.path.join(target, name))
