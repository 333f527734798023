#!/usr/bin/python3
"""Golden files for src/cli/output, made by AWS CLI v2's own code.

    TZ=UTC /usr/bin/python3 tests/unit/cli/output/make_golden.py

/usr/bin/python3 is where Debian's awscli 2.9.19 lives (with its vendored botocore, ruamel.yaml
and ruamel.yaml.clib, whose C emitter is libyaml 0.1.7). Writes tests/testdata/cli-output/:

  timestamps.json      the CLI's timestamp parser on epoch values in several time zones:
                       [{tz, input, expected (null where the CLI fails)}]
  response.json        botocore's RestJSONParser + the CLI's iso8601 timestamp parser on raw
                       bodies: [{name, service, operation, raw, expected}]
  format-<fmt>.json    awscli.formatter.get_formatter(fmt, args) on every value, exactly as the
                       CLI calls it (args.query returns the value, the response is {}):
                       [{name, input, expected, error?, color?, autoreset?, width?, title?}]
                       `error` is str(exception) when the CLI crashes; `expected` then holds
                       what it had written to stdout before.
"""
import copy
import io
import json
import os
import sys
import time

import awscli  # noqa: F401  (makes `botocore` the CLI's vendored copy)
import botocore.parsers
import botocore.session
import colorama
from awscli.customizations.timestampformat import iso_format
from awscli.formatter import get_formatter

from golden_values import formatter_values, raw_responses, table_variants

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   '..', '..', '..', 'testdata', 'cli-output')


def parse_response(service_model, operation, raw):
    factory = botocore.parsers.ResponseParserFactory()
    factory.set_parser_defaults(timestamp_parser=iso_format, blob_parser=lambda x: x)
    parser = factory.create_parser(service_model.metadata['protocol'])
    shape = service_model.operation_model(operation).output_shape
    parsed = parser.parse({'body': raw.encode('utf-8'), 'headers': {}, 'status_code': 200},
                          shape)
    parsed.pop('ResponseMetadata', None)
    return parsed


class Args:
    def __init__(self, value, color):
        self.query = self
        self.color = color
        self._value = value

    def search(self, response):
        return copy.deepcopy(self._value)


def render(fmt, value, color='off', autoreset=True, width=None, title='DescribeJob'):
    saved = sys.stdout, sys.stderr  # ColorizedStyler wraps both with colorama each time
    try:
        formatter = get_formatter(fmt, Args(value, color))
    finally:
        sys.stdout, sys.stderr = saved
    if width is not None:
        formatter.table._terminal_width = width
    buffer = io.StringIO()
    stream = buffer
    if color == 'on' and autoreset:
        # What the CLI writes to when stdout is not a pager: sys.stdout as colorama.init
        # (autoreset=True, strip=False) wrapped it, which appends a reset to every write().
        stream = colorama.AnsiToWin32(buffer, convert=False, strip=False,
                                      autoreset=True).stream
    try:
        formatter(title, {}, stream)
        return buffer.getvalue(), None
    except Exception as e:  # the CLI prints "\n" + str(e) to stderr and exits 255
        return buffer.getvalue(), str(e)


ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata',
         'America/St_Johns', 'Europe/Moscow', 'Asia/Tokyo', 'Pacific/Chatham', 'Europe/Dublin',
         'America/Sao_Paulo', 'Africa/Casablanca', 'Pacific/Apia', 'Asia/Kathmandu']

# Instants around 2019's DST changes in the zones above, history and the far future.
TRANSITIONS = [1553994000, 1572138000, 1552201200, 1572760800, 1554566400, 1570291200,
               1554526800, 1569679200, 1550368800, 1572746400]
INSTANTS = ([-2208988800, -1000000000, -1, 0, 1000000000, 1300000000, 1350000000, 1414270800,
             1560787023, 1560787023.636, -0.5, 4102444800, 253402300799, 253402300800]
            + [t + d for t in TRANSITIONS for d in (-3601, -3600, -1, 0, 1, 3599, 3600, 0.25)])


def timestamp_cases():
    cases = []
    for zone in ZONES:
        os.environ['TZ'] = zone
        time.tzset()
        for instant in INSTANTS:
            try:
                expected = iso_format(instant)
            except Exception:  # the CLI fails to parse such a response
                expected = None
            cases.append({'tz': zone, 'input': instant, 'expected': expected})
    os.environ['TZ'] = 'UTC'
    time.tzset()
    return cases


def write(name, cases):
    path = os.path.join(OUT, name)
    with open(path, 'w', encoding='utf-8') as f:  # one case per line
        f.write('[\n' + ',\n'.join(json.dumps(c, ensure_ascii=False) for c in cases) + '\n]\n')
    print('%s: %d cases' % (name, len(cases)), file=sys.stderr)


def main():
    if os.environ.get('TZ') != 'UTC':
        sys.exit('run with TZ=UTC: epoch timestamps render in the local zone')
    os.makedirs(OUT, exist_ok=True)
    session = botocore.session.get_session()
    models = {s: session.get_service_model(s) for s in ('iot', 'iot-jobs-data')}

    write('timestamps.json', timestamp_cases())
    response_cases = []
    parsed_values = []
    for name, service, operation, raw in raw_responses():
        expected = parse_response(models[service], operation, raw)
        response_cases.append({'name': name, 'service': service, 'operation': operation,
                               'raw': raw, 'expected': expected})
        parsed_values.append(('response/' + name, expected))
    write('response.json', response_cases)

    values = parsed_values + formatter_values()
    names = [n for n, _ in values]
    assert len(names) == len(set(names)), 'duplicate case names'
    for fmt in ('json', 'yaml', 'yaml-stream', 'text', 'table'):
        cases = []
        for name, value in values:
            if fmt == 'table' and name.startswith(('fuzz/key/', 'fuzz/tree/', 'fuzz/str/')):
                continue  # wide and slow to read; fuzz/records and fuzz-table cover tables
            expected, error = render(fmt, value)
            case = {'name': name, 'input': value, 'expected': expected}
            if error is not None:
                case['error'] = error
            cases.append(case)
        if fmt == 'table':
            for name, value, options in table_variants(parsed_values):
                expected, error = render(fmt, value, **options)
                case = {'name': name, 'input': value, 'expected': expected}
                case.update(options)
                if error is not None:
                    case['error'] = error
                cases.append(case)
        write('format-%s.json' % fmt, cases)


if __name__ == '__main__':
    main()
