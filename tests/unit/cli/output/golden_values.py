"""The values make_golden.py renders: realistic iot / iot-jobs-data responses and hostile data."""
import json

# Strings that stress quoting (YAML's resolver and libyaml's scalar analysis), escaping, widths.
STRINGS = [
    '', ' ', '  ', 'a', 'abc', 'hello world', ' leading', 'trailing ', 'a  b', 'a   b',
    '1', '1.0', '-1', '+1', '0', '00', '007', '0x1F', '0X1F', '0o17', '0b101', '1_000', '_1',
    '-_', '1e5', '1E5', '1e+5', '1e-5', '1.5e3', '.5', '-.5', '5.', '+.5e+1', '1.2.3', '1,000',
    '.inf', '-.inf', '+.INF', '.nan', '.NaN', 'inf', 'nan', 'NaN', 'Infinity', '-',
    'yes', 'no', 'Yes', 'NO', 'on', 'off', 'On', 'y', 'n', 'Y',
    'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE',
    'null', 'Null', 'NULL', 'nULL', '~', '~~', 'None', 'none',
    '2019-06-17', '2019-06-17T15:57:03', '2019-06-17T15:57:03.636000+00:00',
    '2019-06-17 15:57:03', '2019-6-7 1:02:03', '2019-06-17 15:57:03 Z', '2019-06-17t15:57:03z',
    '2019-06-17T15:57:03+5', '2019-06-17T15:57:03.+05:00', '2019-06-17\t15:57:03', '20190617',
    '2019-06-1', '12:30', '1:20:30', '190:20:30.15',
    '<<', '<', '=', '==', '!', '&', '*', '!tag', '&anchor', '*alias', '|', '>', '|-', '>+',
    '#', '#comment', 'a #b', 'a#b', 'a # b', 'a\t#b', '%', '%YAML', '@', '@at', '`', '`tick`',
    "'", '"', "'quoted'", '"dq"', "it's", 'say "hi"', 'both \' and "', "''", 'a\'\'b',
    ',', 'a,b', ',a', '[', ']', '[1, 2]', 'a[0]', '{', '}', '{a: b}', 'a{b}',
    '?', '? x', '?x', 'a?b', 'a ?', ':', ': x', ':x', 'a:b', 'a: b', 'a:', 'a :', 'a:\tb',
    '::', 'http://example.com/a?b=c#d', 'arn:aws:iot:us-east-1:123456789012:job/job-1',
    '- x', '-x', '--', '---', '--- x', '---x', '...', '....', '... x', '-1-',
    'a\nb', 'a\n', '\na', 'a\n\nb', 'a \nb', 'a\n b', '\n', '\n\n', ' \n', 'a\n\n', 'a\r\nb',
    'a\tb', '\t', '\ta', 'a\t', 'a\rb', '\x00', '\x07', '\x08', '\x0b', '\x0c', '\x1b[31m',
    '\x7f', '\x80', '\x85', '\x9f', '\xa0', 'a\xa0b', '\xad', '\u2028', 'a\u2028b', '\u2029',
    'a\u2029\u2029b', '\ufeff', 'a\ufeffb', '\ufffd', '\ue000', '\u200b', '\u3000',
    'é', 'naïve café', 'Ünïcödé', '日本語', '日本語テキスト', '中文 空格', '한국어', 'Ω≈ç',
    '😀', 'emoji 😀 text', '\U0001f468\u200d\U0001f469', 'e\u0301', 'ｆｕｌｌ', '½', '±°§',
    '\\', 'C:\\path\\to', 'a\\nb', '%20', 'key=value', 'a=b', '\x1b', 'tab\there',
    '{"operation":"install","url":"https://example.com/fw.bin"}',
    '{\n  "operation": "install",\n  "files": ["a", "b"]\n}',
    'x' * 79, 'x' * 80, 'x' * 81, 'x' * 129, 'word ' * 30, ('word ' * 30).strip(),
    ' '.join(['w%d' % i for i in range(60)]), 'a' * 78 + ' b c', 'a' * 79 + '  b',
    "it's " * 25, ('it\'s ' * 25).strip(), 'tab\t' * 30, 'line\n' * 5, ('line\n' * 5) + 'end',
    'x' * 70 + ' ' + 'y' * 20 + ' ' + 'z' * 20, 'x' * 85 + ' y', '日本語 ' * 30,
    '# ' * 50, '- ' * 50, ('1 ' * 50).strip(), 'a: ' * 40, 'a\n' + 'b ' * 60,
    '\t' + 'w ' * 50, ' ' + 'w ' * 50, '\u2028 ' * 45 + 'x', 'x' * 100 + '\u2028' + 'y' * 100,
]

NUMBERS = [
    0, 1, -1, 7, 42, 1000, 2 ** 31, 2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63, 2 ** 64 - 1,
    0.0, -0.0, 0.1, 0.5, 1.5, 50.5, 100.0, 1e-07, 1e-5, 1e-4, 0.0001, 0.00012, 1e15, 1e16,
    1e17, 1.5e16, 123456789.123, 1560787023.636, 2.5e-5, 1e300, 5e-324, 1.7976931348623157e308,
    -2.5, 3.141592653589793, 1 / 3, 2 / 3, 9007199254740993.0, 0.30000000000000004,
]

OTHER_SCALARS = [True, False, None]

KEYS = ['a', 'Key', 'key with space', '1', 'true', 'null', '~', '', ' ', 'a: b', '- x', '#', '?',
        'a\nb', 'a\tb', '日本語', '😀', 'k' * 128, 'k' * 129, 'ü' * 64, 'ü' * 65, '\u2028',
        'ZZ', 'zz', 'Zz', '_', 'B', 'b', 'é', 'e']


def scalar_values():
    values = []
    for kind, items in (('str', STRINGS), ('num', NUMBERS), ('other', OTHER_SCALARS)):
        for i, s in enumerate(items):
            tag = '%s/%d' % (kind, i)
            values.append(('scalar/' + tag, s))
            values.append(('value/' + tag, {'key': s}))
            values.append(('list/' + tag, [s]))
            values.append(('nested/' + tag, {'outer': {'inner': [s, {'k': s}], 'n': 1}}))
            values.append(('deep/' + tag, [[{'a': {'b': [[s]]}}]]))
            values.append(('row/' + tag, [{'a': s, 'b': 'x'}, {'a': 'y', 'b': s}]))
    for i, k in enumerate(KEYS):
        values.append(('key/%d' % i, {k: 'v'}))
        values.append(('keymap/%d' % i, {'m': {k: 1, 'zz': [k]}}))
        values.append(('keylist/%d' % i, [{k: {k: [k]}}]))
    values.append(('keys/all', {k: i for i, k in enumerate(KEYS)}))
    values.append(('keys/allnested', {'x': [{k: k for k in KEYS}]}))
    return values


def structural_values():
    return [
        ('struct/empty-list', []), ('struct/empty-map', {}),
        ('struct/list-empty-list', [[]]), ('struct/list-empty-map', [{}]),
        ('struct/list-empties', [[], {}, [[]], [{}], {'a': []}, {'a': {}}]),
        ('struct/map-empties', {'a': [], 'b': {}, 'c': [[]], 'd': [{}], 'e': {'f': {}}}),
        ('struct/list-of-lists', [[1, 2], [3, 4], [5, 6]]),
        ('struct/ragged', [[1, 2], [3]]),
        ('struct/list-mixed', [1, 'a', None, True, 1.5, [2, 3], {'k': 'v'}]),
        ('struct/list-scalars-then-list', [1, 2, [3, 4]]),
        ('struct/list-dict-first', [{'a': 1}, 'x']),
        ('struct/list-dict-then-list', [{'a': 1}, [1]]),
        ('struct/list-dict-then-none', [{'a': 1}, None]),
        ('struct/list-scalar-then-dict', ['x', {'a': 1}]),
        ('struct/list-scalar-then-dicts', [1, {'a': 1, 'b': 2}]),
        ('struct/list-list-of-dicts', [[{'a': 1, 'b': 2}]]),
        ('struct/list-scalar-then-list-of-dicts', [1, [{'a': 1, 'b': 2}]]),
        ('struct/list-lists-nonscalar', [[1, [2]], [3, {'a': 4}]]),
        ('struct/list-of-lists-of-lists', [[[1, 2], [3]], [[4]]]),
        ('struct/dicts-different-keys', [{'a': 1, 'b': 2}, {'b': 3, 'c': 4}, {'d': [1, 2]}]),
        ('struct/dicts-scalar-and-list', [{'a': 1}, {'a': [1, 2]}, {'a': {'x': 1}}]),
        ('struct/dicts-list-then-scalar', [{'a': [1]}, {'a': 'x'}, {'a': ''}, {'a': 0}]),
        ('struct/dicts-nested-lists', [{'n': 'x', 'l': [{'p': 1}, {'p': 2}], 'm': {'q': 1}},
                                       {'n': 'y', 'l': [], 'm': {}}]),
        ('struct/dict-one-scalar', {'only': 'value'}),
        ('struct/dict-one-scalar-and-more', {'only': 'value', 'list': [1, 2], 'map': {'a': 1}}),
        ('struct/dict-falsy', {'a': 0, 'b': False, 'c': '', 'd': None, 'e': [], 'f': {}}),
        ('struct/dict-nested-falsy', {'x': {'a': 0}, 'y': [0], 'z': [None], 'w': ['']}),
        ('struct/dict-list-of-lists', {'rows': [[1, 2], [3, 4]]}),
        ('struct/dict-list-of-mixed', {'rows': [1, [2, 3], {'a': 1}, [4, [5]]]}),
        ('struct/deep', {'a': {'b': {'c': {'d': {'e': {'f': {'g': [1, {'h': 'deep'}]}}}}}}}),
        ('struct/deep-lists', [[[[[[['x']]]]]]]),
        ('struct/wide', {'k%02d' % i: 'value %d' % i for i in range(30)}),
        ('struct/unsorted', {'zeta': 1, 'alpha': 2, 'Beta': 3, 'beta': 4, '_x': 5, '1': 6}),
        ('struct/list-of-dicts-unsorted', [{'z': 1, 'a': 2}, {'m': 3, 'a': 4}]),
        ('struct/cjk-table', [{'名前': '日本語テキスト', 'b': 'x'}, {'名前': 'ab', 'b': '½±'}]),
        ('struct/long-cells', [{'a': 'x' * 60, 'b': 'y' * 50}, {'a': 'z', 'b': 'w'}]),
        ('struct/many-columns', [{'c%d' % i: 'v' * i for i in range(12)}]),
        ('struct/title-wider', {'a': 1}),
        ('struct/none-values', {'a': None, 'b': [None, None], 'c': {'d': None}}),
        ('struct/bools', {'t': True, 'f': False, 'l': [True, False]}),
        ('struct/numbers', {'i': 1, 'f': 1.5, 'e': 1e-07, 'big': 2 ** 63 - 1, 'l': [0.1, 1e16]}),
        ('struct/list-of-numbers', [1, 2.5, -3, 1e16, 0.1]),
        ('struct/list-of-strings', ['a', 'b c', '', 'yes', '1']),
        ('struct/list-of-bools-none', [True, None, False]),
        ('struct/same-key-scalar-and-list', [{'k': 'x'}, {'k': ['y']}]),
        ('struct/non-scalar-key-only-in-later', [{'a': 1}, {'a': 2, 'b': [{'c': 3}]}]),
    ]


# Random data from a fixed seed: strings over an alphabet of characters that change YAML
# quoting, folding and escaping, table widths and text layout; floats across magnitudes; and
# random nestings of both.
ALPHABET = (['a', 'b', 'Z', '0', '1', '9', '.', '-', '_'] * 4 +
            [' ', ' ', ' ', '\n', '\t', "'", '"', ':', '#', '?', ',', '[', '{', '!', '&', '*',
             '%', '@', '`', '|', '>', '~', '=', '<', '\\', '/', '\r', '\x1b', '\x85', '\xa0',
             '\u2028', 'é', '日', 'ｆ', '😀', '\ufeff', '½'])


def random_string(rng, longest=250):
    n = rng.choice([n for n in (1, 2, 3, 5, 8, 13, 40, 79, 80, 81, 95, 120, 170, 250)
                    if n <= longest])
    return ''.join(rng.choice(ALPHABET) for _ in range(n))


def random_float(rng):
    return rng.choice([rng.random(), rng.uniform(-1e6, 1e6), rng.random() * 10 ** rng.randint(-30, 30),
                       float(rng.randint(-10 ** 17, 10 ** 17)), rng.randint(1, 999) / 10 ** rng.randint(0, 8)])


def random_value(rng, depth, longest=250):
    kind = rng.random()
    if depth <= 0 or kind < 0.45:
        return rng.choice([lambda: random_string(rng, longest), lambda: random_string(rng, longest),
                           lambda: rng.randint(-10 ** 12, 10 ** 12), lambda: random_float(rng),
                           lambda: rng.choice([True, False, None, '', 0, []])])()
    if kind < 0.7:
        return [random_value(rng, depth - 1, longest) for _ in range(rng.randint(0, 4))]
    return {rng.choice([random_string(rng, longest), rng.choice(['a', 'b', 'c', 'd', 'key'])]):
            random_value(rng, depth - 1, longest) for _ in range(rng.randint(0, 5))}


def random_records(rng):
    keys = [rng.choice(['id', 'name', 'status', 'x', random_string(rng, 13)]) for _ in range(5)]
    return [{k: random_value(rng, rng.randint(0, 2), 40) for k in rng.sample(keys, rng.randint(1, 5))}
            for _ in range(rng.randint(1, 6))]


def fuzz_values():
    import random
    rng = random.Random(20240611)
    values = []
    for i in range(250):
        s = random_string(rng)
        values.append(('fuzz/str/%d' % i, {'k': s, 'nested': {'deeper': [s]}}))
        values.append(('fuzz/key/%d' % i, {s: [s], 'x': {s: s}}))
    for i in range(200):
        values.append(('fuzz/float/%d' % i, [random_float(rng) for _ in range(5)]))
    for i in range(300):
        values.append(('fuzz/tree/%d' % i, random_value(rng, 4)))
    for i in range(200):
        values.append(('fuzz/records/%d' % i, {'items': random_records(rng), 'n': i}))
    for i, s in enumerate(STRINGS):
        values.append(('strkey/%d' % i, {s: 1, 'list': [{s: s}]}))
    return values


def formatter_values():
    return scalar_values() + structural_values() + fuzz_values()


def table_variants(parsed):
    """Extra table cases: widths (vertical conversion), colours, titles."""
    out = []
    picks = [(n, v) for n, v in parsed if isinstance(v, dict) and v][:40]
    picks += [(n, v) for n, v in structural_values()
              if n.startswith(('struct/dicts', 'struct/long', 'struct/many', 'struct/cjk',
                               'struct/wide', 'struct/list-of-lists', 'struct/dict-'))]
    for i, (name, value) in enumerate(picks):
        for width in (0, 20, 40, 60, 100, 120, 200, 400):
            out.append(('w%d/%s' % (width, name), value, {'width': width}))
        out.append(('color/%s' % name, value, {'color': 'on'}))
        out.append(('color-w40/%s' % name, value, {'color': 'on', 'width': 40}))
        if i % 4 == 0:
            out.append(('color-pager/%s' % name, value, {'color': 'on', 'autoreset': False}))
    import random
    rng = random.Random(7)
    for i in range(80):
        value = {'items': random_records(rng)} if i % 2 else random_records(rng)
        options = {'width': rng.choice([10, 30, 50, 80, 100, 150])}
        if i % 3 == 0:
            options['color'] = 'on'
        out.append(('fuzz-table/%d' % i, value, options))
    for title in ('ListJobs', 'X', 'A' * 100, '日本語のタイトル', 'Title With Spaces'):
        for name, value in (('dict', {'a': 1, 'b': [1, 2]}), ('str', 'abc'),
                            ('list', [{'a': 1}, {'a': 2, 'b': {'c': 3}}])):
            out.append(('title/%s/%s' % (title[:20], name), value, {'title': title}))
            out.append(('title-color/%s/%s' % (title[:20], name), value,
                        {'title': title, 'color': 'on'}))
    return out


from golden_responses import raw_responses  # noqa: E402,F401
