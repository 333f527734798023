"""The argument lists make_golden.py runs through AWS CLI v2, per operation of our models.

Generic cases come from each operation's input shape (required members, one sample per member
type, bad values per type, --cli-input-json/-yaml, skeletons, unknown and abbreviated options,
pagination); hand-written ones exercise shorthand syntax, JSON errors and YAML typing on the
operations whose shapes have them.
"""
import json

# Files the cases name (relative to the working directory, created by the generator and by
# the C++ test alike); None makes a directory.
FILES = {
    'text.txt': b'hello\n',
    'crlf.txt': b'a\r\nb\rc',
    'num.txt': b'42\n',
    'empty.txt': b'',
    'ws.txt': b'   ',
    'list.txt': b'abc',
    'bad.bin': b'\xff\xfe\x00',
    'bin.dat': b'\x00\x01hi\'"\n',
    'tags.json': b'[{"Key": "a", "Value": "b"}]',
    'tags.txt': b'Key=a,Value=b',
    'abort.json': b'{"criteriaList": [{"failureType": "FAILED", "action": "CANCEL", '
                  b'"thresholdPercentage": 50, "minNumberOfExecutedThings": 1}]}',
    'input.json': b'{"jobId": "from-file", "thingName": "t", "executionNumber": 3}',
    'input.yaml': b'jobId: from-file\r\nthingName: t\r\nexecutionNumber: 3\r\n',
    'unicode.txt': 'caf\u00e9 \u2603\n'.encode(),
    'sub/nested.txt': b'nested',
    'adir': None,
}

STRING_VALUES = ['', '-x', '-x y', 'a b', 'file://text.txt', 'file://crlf.txt',
                 'file://missing.txt', 'fileb://bin.dat', 'file://bad.bin', 'file://adir',
                 'file://', 'https://example.com/doc', 'file://~/text.txt',
                 'file://$ARGS_SUB/nested.txt', 'file://${ARGS_SUB}/nested.txt',
                 'file://$NOPE_VAR/x', 'file://unicode.txt', '\u00fc\u00df', '\U0001F600',
                 '\x07bell', 'tab\there']
LONG_VALUES = ['-5', 'abc', '1.5', ' 7 ', '1_000', '+3', '0x10', '99999999999999999999',
               '18446744073709551615', 'file://num.txt', '', '-', '\u0663']
INTEGER_VALUES = ['abc', '0', '5', '-1', 'file://num.txt', 'file://text.txt', ' 9 ', '1.0',
                  'fileb://num.txt']


def shape_of(model, name):
    return model['shapes'][name]


def sample(model, shape_name, member, depth=0):
    """A plain Python value for a shape, for JSON and YAML documents."""
    s = shape_of(model, shape_name)
    t = s['type']
    if t == 'string':
        return s['enum'][0] if 'enum' in s else '%s-1' % member
    if t in ('integer', 'long'):
        return 7
    if t in ('double', 'float'):
        return 1.5
    if t == 'boolean':
        return True
    if t == 'list':
        return [sample(model, s['member']['shape'], member, depth + 1)]
    if t == 'map':
        return {'k1': sample(model, s['value']['shape'], member, depth + 1)}
    if t == 'structure':
        return {m: sample(model, ref['shape'], m, depth + 1) for m, ref in s['members'].items()}
    return None


def shorthand(model, shape_name, member, top=True):
    """Shorthand text for a value of the shape."""
    s = shape_of(model, shape_name)
    t = s['type']
    if t == 'structure':
        inner = ','.join('%s=%s' % (m, shorthand(model, ref['shape'], m, False))
                         for m, ref in s['members'].items())
        return inner if top else '{%s}' % inner
    if t == 'map':
        v = shorthand(model, s['value']['shape'], member, False)
        inner = 'k1=%s,k2=%s' % (v, v)
        return inner if top else '{%s}' % inner
    if t == 'list':
        return '[%s]' % shorthand(model, s['member']['shape'], member, False)
    if t == 'boolean':
        return 'true'
    v = sample(model, shape_name, member)
    return str(v)


def words_for(model, member, ref, style):
    """The words giving `member` a sample value on the command line."""
    s = shape_of(model, ref['shape'])
    t = s['type']
    opt = '--' + cli_name(member)
    if t == 'boolean':
        return [opt]
    if t == 'list':
        m = shape_of(model, s['member']['shape'])
        if m['type'] in ('structure', 'list', 'map'):
            if style == 'json':
                return [opt, json.dumps(sample(model, ref['shape'], member))]
            return [opt, shorthand(model, s['member']['shape'], member)]
        return [opt, 'a1', 'a2']
    if t in ('structure', 'map'):
        if style == 'json':
            return [opt, json.dumps(sample(model, ref['shape'], member))]
        return [opt, shorthand(model, ref['shape'], member)]
    return [opt, str(sample(model, ref['shape'], member))]


def cli_name(name):
    from botocore import xform_name
    return xform_name(name, '-')


def yaml_of(value, indent=0):
    """Block YAML for plain values (strings quoted when needed)."""
    pad = ' ' * indent
    if isinstance(value, dict):
        lines = []
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append('%s%s:\n%s' % (pad, k, yaml_of(v, indent + 2)))
            else:
                lines.append('%s%s: %s' % (pad, k, yaml_of(v, 0).strip()))
        return '\n'.join(lines)
    if isinstance(value, list):
        return '\n'.join('%s- %s' % (pad, yaml_of(v, indent + 2).strip()) if not isinstance(v, dict)
                         else '%s- %s' % (pad, yaml_of(v, indent + 2).strip())
                         for v in value)
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, str):
        return "'%s'" % value.replace("'", "''")
    return str(value)


def generic_cases(service, op_name, model):
    op = model['operations'][op_name]
    shape = shape_of(model, op['input']['shape'])
    members = shape['members']
    required = shape.get('required', [])
    req_words = []
    for m in required:
        req_words += words_for(model, m, members[m], 'shorthand')
    yield [], []
    yield req_words, []
    all_short, all_json = list(req_words), list(req_words)
    for m, ref in members.items():
        if m not in required:
            all_short += words_for(model, m, ref, 'shorthand')
            all_json += words_for(model, m, ref, 'json')
    yield all_short, []
    yield all_json, []
    full = {m: sample(model, ref['shape'], m) for m, ref in members.items()}
    yield ['--cli-input-json', json.dumps(full)], []
    yield ['--cli-input-yaml', yaml_of(full) + '\n'], []
    yield ['--cli-input-json', json.dumps(full, indent=2)] + req_words, []
    yield req_words + ['--cli-input-json', '{}'], []
    yield ['--cli-input-json=' + json.dumps(full)], []
    # Skeletons.
    yield ['--generate-cli-skeleton'], []
    yield ['--generate-cli-skeleton', 'output'], []
    yield req_words + ['--generate-cli-skeleton', 'output'], []
    yield ['--generate-cli-skeleton', 'yaml-input', '--bogus'], []
    yield ['--generate-cli-skeleton=input'], []
    yield ['--generate-cli-skeleton', 'inpt'], []
    yield ['--generate-cli-skeleton', 'json'], []
    yield ['--generate-cli-skeleton', 'output', '--cli-input-json', json.dumps(full)], []
    # Unknown, abbreviated and stray words; help.
    yield req_words + ['--bogus'], []
    yield req_words + ['--bogus', 'x', 'y'], []
    yield ['stray'] + req_words, []
    yield req_words + ['help'], []
    yield req_words + ['stray', 'help'], []
    yield ['help'], []
    yield ['help', 'more'], []
    yield req_words + ['-x'], []
    yield req_words + ['--', 'x'], []
    yield req_words + ['--cli'], []
    yield req_words + ['--no'], []
    for m, ref in members.items():
        t = shape_of(model, ref['shape'])['type']
        opt = '--' + cli_name(m)
        others = [w for w in req_words]
        if m in required:
            i = others.index(opt)
            end = i + 1
            while end < len(others) and not others[end].startswith('--'):
                end += 1
            del others[i:end]
        yield others + [opt], []
        yield others + [opt[:-1], 'v'], []
        yield others + [opt + '=v'], []
        if t == 'string':
            for v in STRING_VALUES:
                yield others + [opt, v], []
        elif t == 'long':
            for v in LONG_VALUES:
                yield others + [opt, v], []
        elif t == 'integer':
            for v in INTEGER_VALUES:
                yield others + [opt, v], []
        elif t == 'boolean':
            no = '--no-' + cli_name(m)
            yield others + [opt, no], []
            yield others + [no, opt], []
            yield others + [no], []
            yield others + [opt + '=yes'], []
            yield others + [opt, 'extra'], []
        elif t == 'list':
            for v in ([], ['a'], ['["a","b"]'], [' [ "a" ] '], ['[bad'], ['file://list.txt'],
                      ['file://empty.txt'], ['file://ws.txt'], ['[]'], ['a', '--', 'b'],
                      ['[1, 2]'], ['a', '[b]'], ['file://tags.json'], ['fileb://list.txt'],
                      ['Key=a,Value=b', 'Key=c'], ['file://tags.txt']):
                yield others + [opt] + v, []
        elif t in ('structure', 'map'):
            for v in ('', ' ', '[1]', '{bad', 'k', '{"k": 1}', 'file://text.txt',
                      'file://empty.txt', 'fileb://text.txt', '\t{"a": 1}'):
                yield others + [opt, v], []
    if op.get('paginator'):
        yield from paging_cases(op['paginator'], req_words)


def paging_cases(pager, req):
    yield req + ['--page-size', '5'], []
    yield req + ['--max-items', '3'], []
    yield req + ['--starting-token', 'tok'], []
    yield req + ['--starting-token', 'tok', '--page-size', '5', '--max-items', '3'], []
    yield req + ['--page-size', '0'], []
    yield req + ['--page-size', 'abc'], []
    yield req + ['--max-items', 'x'], []
    yield req + ['--max-items', '0'], []
    yield req + ['--next-token', 'n'], []
    yield req + ['--max-results', '5'], []
    yield req + ['--max-results', '5', '--starting-token', 't'], []
    yield req + ['--max-results', '5', '--page-size', '2', '--max-items', '4'], []
    yield req + ['--page-size', '5'], ['--no-paginate']
    yield req + ['--page-size', '0'], ['--no-paginate']
    yield req + ['--starting-token', ''], ['--no-paginate']
    yield req, ['--no-paginate']
    yield req + ['--cli-input-json', '{"nextToken": "x"}', '--page-size', '3'], []
    yield req + ['--cli-input-json', '{"maxResults": 3}'], []
    yield req + ['--starting-token', 'file://text.txt'], []
    yield req + ['--starting-token', 'file://missing.txt'], []
    yield req + ['--generate-cli-skeleton', 'output', '--page-size', '2'], []
    yield req + ['--page'], []
    yield req + ['--max', '2'], []


from golden_special import special_cases  # noqa: E402


def cases_for(service, op_name, model):
    seen = set()
    for words, globals_ in list(generic_cases(service, op_name, model)) + list(
            special_cases(service, op_name)):
        key = (tuple(words), tuple(globals_))
        if key not in seen:
            seen.add(key)
            yield words, globals_
