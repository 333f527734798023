#!/usr/bin/python3
"""Records what AWS CLI v2 does with operation arguments, as golden data for cli/args.

Run with Debian's /usr/bin/python3, where the `awscli` package of /usr/bin/aws (2.9.19) lives:

    /usr/bin/python3 tests/unit/cli/args/make_golden.py

It runs v2's own driver in-process (awscli.clidriver.AWSCLIEntryPoint, a fresh driver per
case) with OUR model: the trimmed botocore models of src/api/wire/model/ are written to a
temporary AWS_DATA_PATH, which botocore searches before its bundled data, so every command,
option, skeleton and validation message below comes from v2's code and our operations and
documentation. Nothing is sent: the client's serializer is wrapped to record the validated
parameters and stop before the HTTP layer. Help pages are not rendered, only noted.

Writes, under tests/testdata/cli-args/:
  skeletons.json   per operation: `--generate-cli-skeleton` input and yaml-input stdout
  cases.json       files the cases read, and per case: the words, v2's exit code, stdout,
                   stderr, and for calls the parameters v2 built and its pagination decision
  model-diff.json  where the model of /usr/bin/aws 2.9.19 differs from ours (input members)
"""
import base64
import copy
import io
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..'))
MODEL_DIR = os.path.join(ROOT, 'src', 'api', 'wire', 'model')
OUT_DIR = os.path.join(ROOT, 'tests', 'testdata', 'cli-args')
sys.path.insert(0, HERE)

WORK = tempfile.mkdtemp(prefix='cli-args-golden-')
DATA = os.path.join(WORK, 'data')
FILES_DIR = os.path.join(WORK, 'files')

os.environ.update({
    'AWS_DATA_PATH': DATA, 'AWS_PAGER': '', 'AWS_DEFAULT_REGION': 'us-east-1',
    'AWS_ACCESS_KEY_ID': 'AKIDEXAMPLE', 'AWS_SECRET_ACCESS_KEY': 'secret',
    'AWS_CONFIG_FILE': '/nonexistent/config', 'AWS_SHARED_CREDENTIALS_FILE': '/nonexistent/creds',
    'HOME': FILES_DIR, 'ARGS_SUB': 'sub',
})
for var in ('AWS_PROFILE', 'AWS_DEFAULT_OUTPUT', 'AWS_CLI_AUTO_PROMPT'):
    os.environ.pop(var, None)
sys.argv = ['/usr/bin/aws']  # argparse's prog: "aws: error: ..."

import awscli.help  # noqa: E402
import botocore.validate  # noqa: E402
from awscli.clidriver import AWSCLIEntryPoint, CLIOperationCaller  # noqa: E402
from golden_cases import FILES, cases_for  # noqa: E402


def write_models():
    models = {}
    for fname, service in (('iot.json', 'iot'), ('iot-jobs-data.json', 'iot-jobs-data')):
        with open(os.path.join(MODEL_DIR, fname), encoding='utf-8') as f:
            model = json.load(f)
        models[service] = copy.deepcopy(model)
        pages = {}
        for name, op in model['operations'].items():
            if 'paginator' in op:
                pages[name] = op.pop('paginator')
        d = os.path.join(DATA, service, model['metadata']['apiVersion'])
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'service-2.json'), 'w', encoding='utf-8') as f:
            json.dump(model, f)
        with open(os.path.join(d, 'paginators-1.json'), 'w', encoding='utf-8') as f:
            json.dump({'pagination': pages}, f)
    return models


def write_files():
    for name, content in FILES.items():
        path = os.path.join(FILES_DIR, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if content is None:
            os.makedirs(path, exist_ok=True)
        else:
            with open(path, 'wb') as f:
                f.write(content)


class Abort(Exception):
    pass


STATE = {}
_orig_serialize = botocore.validate.ParamValidationDecorator.serialize_to_request
_orig_invoke = CLIOperationCaller.invoke


def _serialize(self, parameters, operation_model):
    result = _orig_serialize(self, parameters, operation_model)  # validates
    if STATE.get('abort'):
        raise Abort()
    return result


def _invoke(self, service_name, operation_name, parameters, parsed_globals):
    STATE['call'] = copy.deepcopy(parameters)
    STATE['paginate'] = parsed_globals.paginate
    if type(self) is not CLIOperationCaller:  # --generate-cli-skeleton output: let it run
        return _orig_invoke(self, service_name, operation_name, parameters, parsed_globals)
    STATE['abort'] = True
    try:
        return _orig_invoke(self, service_name, operation_name, parameters, parsed_globals)
    except Abort:
        return 0


def _help(self, args, parsed_globals):
    STATE['help'] = True
    return 0


botocore.validate.ParamValidationDecorator.serialize_to_request = _serialize
CLIOperationCaller.invoke = _invoke
awscli.help.HelpCommand.__call__ = _help


def to_json(value):
    if isinstance(value, bytes):
        return {'__bytes__': base64.b64encode(value).decode()}
    raise TypeError(repr(value))


def run(words):
    STATE.clear()
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        rc = AWSCLIEntryPoint().main(words)  # creates the driver as /usr/bin/aws does
    finally:
        sys.stdout, sys.stderr = saved
    result = {'rc': 0 if rc is None else rc, 'stdout': out.getvalue(), 'stderr': err.getvalue()}
    if STATE.get('help'):
        result['help'] = True
    if 'call' in STATE and result['rc'] == 0 and not result['stdout']:
        # The input as text (Python writes inf and nan as Infinity and NaN, which are not
        # JSON), the PaginationConfig apart, as ParseCommand reports it.
        call = dict(STATE['call'])
        paging = call.pop('PaginationConfig', None)
        result['params'] = json.dumps(call, indent=4)
        if paging is not None:
            result['pagination'] = paging
        result['paginate'] = STATE['paginate']
    return result


def model_diff(ours):
    """Input members of our operations that /usr/bin/aws's own model lacks or types differently."""
    import botocore.session
    diff = []
    session = botocore.session.Session()
    loader = session.get_component('data_loader')
    loader.search_paths[:] = [p for p in loader.search_paths if p != DATA]

    def compare(service, where, mine_model, theirs_model, mine, theirs, seen):
        if (mine, theirs) in seen:
            return
        seen.add((mine, theirs))
        a, b = mine_model['shapes'][mine], theirs_model['shapes'][theirs]
        for key in ('type', 'min', 'enum', 'required'):
            if a.get(key) != b.get(key):
                diff.append({'service': service, 'where': where, 'what': key,
                             'ours': a.get(key), 'v2': b.get(key)})
        for m, ref in a.get('members', {}).items():
            if m not in b.get('members', {}):
                diff.append({'service': service, 'where': where + '.' + m,
                             'what': 'member missing in 2.9.19'})
            else:
                compare(service, where + '.' + m, mine_model, theirs_model, ref['shape'],
                        b['members'][m]['shape'], seen)
        for key in ('member', 'key', 'value'):
            if key in a and key in b:
                compare(service, where + '.' + key, mine_model, theirs_model,
                        a[key]['shape'], b[key]['shape'], seen)

    for service, model in ours.items():
        stock = loader.load_service_model(service, 'service-2', model['metadata']['apiVersion'])
        for name, op in model['operations'].items():
            if name not in stock['operations']:
                diff.append({'service': service, 'where': name, 'what': 'missing operation'})
                continue
            compare(service, name, model, stock, op['input']['shape'],
                    stock['operations'][name]['input']['shape'], set())
    return diff


def main():
    models = write_models()
    write_files()
    os.chdir(FILES_DIR)
    skeletons, cases = {}, []
    for service, model in models.items():
        for name in model['operations']:
            from botocore import xform_name
            op = xform_name(name, '-')
            entry = {}
            for kind in ('input', 'yaml-input'):
                r = run([service, op, '--generate-cli-skeleton', kind])
                assert r['rc'] == 0, (service, op, r)
                entry[kind] = r['stdout']
            skeletons.setdefault(service, {})[op] = entry
            for words, globals_ in cases_for(service, name, model):
                r = run([service, op] + words + globals_)
                case = {'service': service, 'operation': op, 'args': words}
                if globals_:
                    case['globals'] = globals_
                case.update(r)
                cases.append(case)
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, 'skeletons.json'), 'w', encoding='utf-8') as f:
        json.dump(skeletons, f, indent=1, ensure_ascii=False)
        f.write('\n')
    files = {name: None if c is None else base64.b64encode(c).decode()
             for name, c in FILES.items()}
    with open(os.path.join(OUT_DIR, 'cases.json'), 'w', encoding='utf-8') as f:
        json.dump({'env': {'ARGS_SUB': 'sub'}, 'files': files, 'cases': cases}, f, indent=1,
                  ensure_ascii=False, default=to_json)
        f.write('\n')
    with open(os.path.join(OUT_DIR, 'model-diff.json'), 'w', encoding='utf-8') as f:
        json.dump(model_diff(models), f, indent=1)
        f.write('\n')
    shutil.rmtree(WORK)
    print('%d skeleton pairs, %d cases' % (sum(len(v) for v in skeletons.values()), len(cases)))


if __name__ == '__main__':
    main()
