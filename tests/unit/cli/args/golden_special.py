"""Hand-written cases for make_golden.py: shorthand syntax, JSON errors, YAML typing,
--cli-input-* merges, on the operations whose shapes have the constructs."""

JOB = ['--job-id', 'j1', '--targets', 'arn:t']
DJE = ['--job-id', 'j', '--thing-name', 't', '--execution-number', '3']

# Shorthand for a structure of scalars (PresignedUrlConfig: roleArn string, expiresInSec long).
PRESIGNED = [
    'roleArn=r,expiresInSec=5', 'roleArn=r, expiresInSec=5', 'roleArn = r', 'roleArn=r ,  x=1',
    'roleArn="a,b"', "roleArn='a,b'", "roleArn='it\\'s'", 'roleArn="a\\"b"', "roleArn='a\\\\b'",
    'roleArn="a\\\\"', "roleArn='a\\'", "roleArn='x\\' y'", 'roleArn=a\\,b', 'roleArn=a,b',
    'roleArn=a,b,c', 'roleArn=a, b ,c', 'roleArn', 'roleArn=', '=x', 'roleArn==x', 'roleArn=x=y',
    'roleArn=x,roleArn=y', 'roleArn=x,', 'roleArn=x,,', 'roleArn=x,,y=1', 'roleArn=[a,b]',
    'roleArn=[a, b ,]', 'roleArn=[,a]', 'roleArn=[]', 'roleArn={a=b}', 'roleArn={}',
    'roleArn={a=b,a=c}', 'roleArn=[a,', 'roleArn=[a', 'roleArn={a=b', 'roleArn={a}',
    "roleArn='unterminated", 'roleArn="unterminated', 'roleArn=x,expiresInSec=abc',
    'expiresInSec=[1]', 'expiresInSec={a=1}', 'expiresInSec=1.5', 'expiresInSec= 12 ',
    'expiresInSec=-3', 'expiresInSec=1_0', 'roleArn=\U0001F600', 'roleArn=a\U0001F600',
    'roleArn="\U0001F600"', 'roleArn=\tx', 'roleArn=x\ny', 'roleArn=x,\nexpiresInSec=y',
    'roleArn=a\nb=c,d', 'roleArn=caf\u00e9', 'roleArn=a b c', 'rôle=x', 'role Arn=x',
    'roleArn=x\x01y', 'roleArn="x"y', 'roleArn=x"y"', "roleArn=x'y'", 'roleArn=@file',
    'roleArn=[a,[b,c],{d=e}]', 'roleArn=x,expiresInSec=[', 'roleArn=x,[y]', 'roleArn=a,b=c',
    'roleArn=a,b c=d', 'roleArn=x\\', 'roleArn=\\,', 'roleArn=a\\,', 'a-b.c#d/e:f=1',
    'roleArn=x ,expiresInSec=1', 'roleArn=x\t,\texpiresInSec=1', 'expiresInSec=0x1',
    'expiresInSec=', 'expiresInSec=""', "roleArn=''", 'roleArn=""', '{"roleArn": "r"}',
    ' {"roleArn": "r"}', '{"roleArn": "r", "roleArn": "s"}', '[{"roleArn": "r"}]',
    '{"roleArn": {"a": [1, 2.5, null, true, false, "x"]}}', '{"expiresInSec": 1.0}',
    '{"expiresInSec": true}', '{"expiresInSec": false}', '{"expiresInSec": -1}',
    '{"expiresInSec": 1e400}', '{"expiresInSec": NaN}', '{"roleArn": "\\u00e9\\ud83d\\ude00"}',
    '{"roleArn": "caf\u00e9 \u2028 x"}', '{"roleArn": ["a", {"b": "c"}]}', '{"roleArn": {}}',
    '{"roleArn": "\\ud83d"}', '{"roleArn": 123456789012345678901234567890}',
]

JSON_ERRORS = [
    '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}', '{a:1}', '{"a":1}x',
    '{"a":1} ', '{"a":"\x01"}', '{"a":"\\q"}', '{"a":"\\u12"}', '{"a":"\\u12g4"}', '{"a":"\\u1"',
    '{"a":"\\ud83d\\u12"}', '{"a":"\\ud83d\\ude0"}', '{"a":tru}', '{"a":-}', '{"a":01}',
    '{"a":1.}', '{"a":1e}', '{"a":1e+}', '{"a":.5}', '{"a":"abc', '{"a":"abc\\', '{\n"a":\n}',
    '{\n  "a": 1,\n  "b" 2\n}', '{"a":[1,2}', '{"a":[1,]}', '{"a":[}', '{"a":[', '{"a":nul}',
    '{"a":Infinity}', '{"a":-Infinity}', '{"a":-Inf}', '{"a": "caf\u00e9" x}', '{"\u00e9":1,}',
    '{"a":1}\n\n{', '{}', '{"a":"\t"}', '{"a":"\\/"}', '{"a":"\\b\\f\\n\\r\\t"}',
]

ABORT = [
    'criteriaList=[{failureType=FAILED,action=CANCEL,thresholdPercentage=50,'
    'minNumberOfExecutedThings=1}]',
    'criteriaList=[{failureType=FAILED,action=CANCEL,thresholdPercentage=12.5,'
    'minNumberOfExecutedThings=1},{failureType=ALL,action=CANCEL,thresholdPercentage=1e2,'
    'minNumberOfExecutedThings=2}]',
    'criteriaList=[{thresholdPercentage=abc}]', 'criteriaList=[{thresholdPercentage=[1]}]',
    'criteriaList=[{minNumberOfExecutedThings=x}]', 'criteriaList={failureType=ALL}',
    'criteriaList=x', 'criteriaList=x,y', 'criteriaList=[]', 'criteriaList=[x]',
    'criteriaList=[{}]', 'criteriaList=[{failureType=ALL,bogus=1}]',
    'criteriaList=[{thresholdPercentage=inf}]', 'criteriaList=[{thresholdPercentage=-0.5}]',
    'criteriaList=[{thresholdPercentage=1_0.5}]', 'criteriaList=[{thresholdPercentage=nan}]',
    'file://abort.json', 'file://missing.json', 'file://text.txt',
    '{"criteriaList": [{"thresholdPercentage": "50"}]}',
    '{"criteriaList": [{"thresholdPercentage": 50, "failureType": "ALL", "action": "CANCEL", '
    '"minNumberOfExecutedThings": 1.5}]}',
]

TAGS = [
    ['Key=a,Value=b'], ['Key=a,Value=b', 'Key=c'], ['[{"Key": "a"}]'], ['{"Key": "a"}', '{"Key": "b"}'],
    ['{"Key": "a"}', 'Key=b'], ['Key=b', '{"Key": "a"}'], ['Key=a,Key=b'], ['Value=x'],
    ['file://tags.json'], ['file://tags.txt'], ['file://text.txt'], ['Key'], ['Key=a', 'Key'],
    ['Key=[a,b]'], ['Key={a=b}'], [' [{"Key": "a"}] '], ['[{"Key": "a"}]', 'Key=b'], ['[bad'],
    ['{bad'], ['Key=a,Value=b,Extra=c'], ['Key=a ,Value=b', ' Key=c'], ['Key='], [''],
]

ATTRIBUTES = [
    'attributes={a=1,b=2},merge=true', 'merge=TRUE', 'merge=False', 'merge=yes', 'merge=[true]',
    'merge={a=b}', 'attributes={}', 'attributes={a=}', 'attributes={a=[x,y]}',
    'attributes={a={b=c}}', 'attributes={a=1,a=2}', 'attributes=x', 'attributes={=x}',
    '{"attributes": {"a": "1"}}', '{"attributes": {"a": 1}}', '{"attributes": {"": "x"}}',
    '{"attributes": []}', '{"merge": "true"}', '{"merge": 1}', 'attributes={a=b c}',
    'attributes={"a b"=c}', "attributes={a='b,c'}", 'attributes={a=b,c}',
]

DETAILS = ['a=1,b=2', 'a=1,a=2', '{"a": "1"}', '{"": "x"}', '{"a": 1}', 'a=[1,2]', 'a={b=c}',
           'a=', '=v', '{"a": null}', 'k=v1,v2,k2=v3', '{"a": "x", "a": "y"}', 'a b=c']

SCHEDULING = [
    'startTime=2024-01-01T00:00,endBehavior=CANCEL',
    'maintenanceWindows=[{startTime=cron(0 0 * * ? *),durationInMinutes=60}]',
    'maintenanceWindows=[{durationInMinutes=abc}]', 'maintenanceWindows={startTime=x}',
    'maintenanceWindows=[{startTime=x,durationInMinutes=1},{startTime=y}]',
]

DOCUMENT_PARAMETERS = ['a=b', 'a=b,c=d', '{"a": "b"}', 'a=[b]', '{"a": 1}']

YAML_INPUTS = [
    'jobId: a\nthingName: t\nexecutionNumber: 5', 'jobId: a\nthingName: t\nexecutionNumber: "5"',
    "jobId: a\nthingName: t\nexecutionNumber: '5'", 'jobId: a\nthingName: t\nexecutionNumber: 0x10',
    'jobId: a\nthingName: t\nexecutionNumber: 0o17', 'jobId: a\nthingName: t\nexecutionNumber: 017',
    'jobId: a\nthingName: t\nexecutionNumber: 1_000', 'jobId: a\nthingName: t\nexecutionNumber: 1.0',
    'jobId: a\nthingName: t\nexecutionNumber: +5', 'jobId: a\nthingName: t\nexecutionNumber: 0b101',
    'jobId: a\nthingName: t\nexecutionNumber: 1e3', 'jobId: a\nthingName: t\nexecutionNumber: .inf',
    'jobId: a\nthingName: t\nexecutionNumber: 5\nforce: yes',
    'jobId: a\nthingName: t\nexecutionNumber: 5\nforce: True',
    'jobId: a\nthingName: t\nexecutionNumber: 5\nforce: TRUE',
    'jobId: a\nthingName: t\nexecutionNumber: 5\nforce: off',
    'jobId: a\nthingName: t\nexecutionNumber: 5\nforce: "true"',
    'jobId: 2001-12-14\nthingName: t\nexecutionNumber: 5', 'jobId: ~\nthingName: t\nexecutionNumber: 5',
    'jobId:\nthingName: t\nexecutionNumber: 5', 'jobId: null\nthingName: t\nexecutionNumber: 5',
    'jobId: Null\nthingName: t\nexecutionNumber: 5', 'jobId: 123\nthingName: t\nexecutionNumber: 5',
    'jobId: true\nthingName: t\nexecutionNumber: 5', 'jobId: 1.5\nthingName: t\nexecutionNumber: 5',
    'a: 1\na: 2', '---\na: 1\n---\nb: 2', '- a', 'just text', '', '{', 'a: [1', 'a: b: c',
    'jobId: &x foo\nthingName: *x\nexecutionNumber: 5', 'jobId: !!str 5\nthingName: t\nexecutionNumber: 5',
    'jobId: !custom x', 'jobId: a\nthingName: t\nexecutionNumber: !!int "7"',
    'jobId: !!binary aGk=\nthingName: t\nexecutionNumber: 5', '1: x', 'true: x', '~: x',
    '{jobId: a, thingName: t, executionNumber: 5}', 'jobId: "a\\tb"\nthingName: t\nexecutionNumber: 5',
    "jobId: 'it''s'\nthingName: t\nexecutionNumber: 5", 'jobId: |\n  line1\n  line2\nthingName: t\nexecutionNumber: 5',
    'jobId: a # comment\nthingName: t\nexecutionNumber: 5', '%YAML 1.2\n---\njobId: a',
    'jobId: a\nthingName: t\nexecutionNumber: 5\nnamespaceId: 2001-12-14 21:59:43.10',
    'file://input.yaml', 'file://missing.yaml', 'jobId: [a]\nthingName: {x: 1}\nexecutionNumber: [1]',
    '? [a]\n: b', 'jobId: a\n\tthingName: t',
]

CLI_INPUT_JSON = [
    '{"jobId": "a", "thingName": "t", "executionNumber": 5}', '{bad', '[1]', '"str"', 'null', '1',
    '{"jobId": 1}', '{"unknown": 1, "jobId": "a"}', '{"jobId": null}',
    '{"jobId": "a", "thingName": "t", "executionNumber": true}',
    '{"jobId": "a", "thingName": "t", "executionNumber": 1.5}',
    '{"jobId": "a", "thingName": "t", "executionNumber": 99999999999999999999}',
    '{"jobId": "a", "thingName": "t", "executionNumber": -1, "force": 1}',
    '{"jobId": "a", "jobId": "b", "thingName": "t", "executionNumber": 5}',
    'file://input.json', 'file://missing.json', 'fileb://input.json', 'file://text.txt',
    '{"jobId": "", "thingName": "", "executionNumber": 0}', ' {"jobId": "a"} ', '{}',
    '{"jobId": "a", "thingName": "t", "executionNumber": 5, "PaginationConfig": {}}',
    '\ufeff{"jobId": "a"}', '{"jobId": "a\\u0000b", "thingName": "t", "executionNumber": 5}',
]


def special_cases(service, op_name):
    if service == 'iot' and op_name == 'CreateJob':
        for v in PRESIGNED + JSON_ERRORS:
            yield JOB + ['--presigned-url-config', v], []
        for v in ABORT:
            yield JOB + ['--abort-config', v], []
        for v in TAGS:
            yield JOB + ['--tags'] + v, []
        for v in SCHEDULING:
            yield JOB + ['--scheduling-config', v], []
        for v in DOCUMENT_PARAMETERS:
            yield JOB + ['--document-parameters', v], []
        yield JOB + ['--timeout-config', 'inProgressTimeoutInMinutes=5'], []
        yield JOB + ['--job-executions-rollout-config',
                     'maximumPerMinute=5,exponentialRate={baseRatePerMinute=1,incrementFactor=1.5,'
                     'rateIncreaseCriteria={numberOfNotifiedThings=1}}'], []
        yield JOB + ['--job-executions-retry-config',
                     'criteriaList=[{failureType=FAILED,numberOfRetries=2}]'], []
        yield JOB + ['--targets', 'x', '--targets', 'y'], []
        yield JOB + ['--job-id', 'j2'], []
        yield ['--targets', 'a', 'b', '--job-id', 'j'], []
        yield ['--targets', '--job-id', 'j'], []
        yield ['--job-id', 'j', '--targets', '-a'], []
        yield ['--job-id', 'j', '--targets', 'a', '-b c'], []
        yield ['--job-id', 'j', '--targets', 'a', '--', 'b'], []
        yield ['--job-id', 'j', '--targets=a', 'b'], []
        yield JOB + ['--document', '{"k": "v"}'], []
        yield JOB + ['--document', 'file://text.txt', '--description', 'file://missing.txt'], []
        yield JOB + ['--target-selection', 'BOGUS'], []
        yield ['--cli-input-yaml', 'jobId: j\ntargets:\n- a\n- b\ntags:\n- Key: k\n  Value: v\n'], []
        yield ['--cli-input-json', '{"jobId": "j", "targets": ["a"]}', '--targets', 'b'], []
        yield ['--cli-input-json', '{"jobId": "j", "targets": "a"}'], []
        yield ['--cli-input-json', '{"jobId": "j", "targets": [], "tags": [{"Value": 1}]}'], []
        yield ['--cli-input-json', '{"jobId": "j", "targets": ["a"], "abortConfig": '
               '{"criteriaList": [{"thresholdPercentage": true}]}}'], []
    if service == 'iot' and op_name == 'UpdateThing':
        for v in ATTRIBUTES:
            yield ['--thing-name', 't', '--attribute-payload', v], []
    if service == 'iot' and op_name == 'CancelJobExecution':
        for v in DETAILS:
            yield ['--job-id', 'j', '--thing-name', 't', '--status-details', v], []
    if service == 'iot' and op_name == 'AddThingToThingGroup':
        for w in (['--thing', 'x'], ['--thing-group', 'g'], ['--thing-a', 'a'], ['--o'],
                  ['--thing-name', 'n', '--thing-name', 'm'], ['--thing-name=a=b']):
            yield w, []
    if service == 'iot' and op_name == 'DeleteJobExecution':
        for v in CLI_INPUT_JSON:
            yield ['--cli-input-json', v], []
            yield DJE + ['--cli-input-json', v], []
        for v in YAML_INPUTS:
            yield ['--cli-input-yaml', v], []
        yield ['--cli-input-json', '{}', '--cli-input-yaml', 'a: 1'], []
        yield ['--cli-input-yaml', 'a: 1', '--cli-input-json', '{bad'], []
        yield ['--cli-input-json', '{bad', '--generate-cli-skeleton'], []
        yield ['--cli-input-json', 'file://missing.json', '--generate-cli-skeleton'], []
        yield ['--cli-input-json', '{"jobId": "a"}', '--job-id', 'b', '--thing-name', 't',
               '--execution-number', '1'], []
        yield DJE + ['--cli-input-json', '{"executionNumber": 9, "force": true}', '--no-force'], []
        yield ['--job', 'j', '--thing', 't', '--exec', '5'], []
        yield ['--job-id', '--thing-name', 't'], []
        yield ['--job-id=', '--thing-name=t', '--execution-number=-5'], []
        yield DJE + ['--force=yes'], []
        yield DJE + ['--f'], []
        yield DJE + ['--no-f'], []
        yield DJE + ['--n'], []
        yield DJE + ['--generate-cli-skeleton', 'output', '--job-id', ''], []
        yield ['--execution-number', '-1.5', '--job-id', 'j', '--thing-name', 't'], []
        yield ['--execution-number', '-1', '--job-id', 'j', '--thing-name', 't'], []
        yield ['-1', '--job-id', 'j'], []
        # Global options anywhere among the operation's (the main parser takes them first).
        for g in (['--region', 'us-west-2'], ['--reg', 'x'], ['--output', 'bogus'],
                  ['--outp', 'json'], ['--output'], ['--color', 'maybe'], ['--version'],
                  ['--query', 'a.b', '--no-cli-pager'], ['--endpoint-url=http://localhost:1'],
                  ['--cli-read-timeout', 'abc'], ['--no-verify-ssl', '--no-sign-request'],
                  ['--profile'], ['--ca'], ['--cli-b', 'base64'], ['--output=text'], ['-h'],
                  ['--he'], ['--debug=x'], ['-hx'], ['--pro', 'p'], ['--profile=p']):
            yield ['--job-id', 'j'] + g + ['--thing-name', 't', '--execution-number', '1'], []
            yield ['--job-id', 'j', '--thing-name', 't'] + g, []
    if service == 'iot-jobs-data' and op_name == 'UpdateJobExecution':
        for v in DETAILS:
            yield ['--job-id', 'j', '--thing-name', 't', '--status', 'QUEUED',
                   '--status-details', v], []
        yield ['--job-id', 'j', '--thing-name', 't', '--status', 'queued'], []
        yield ['--job-id', 'j', '--thing-name', 't', '--status', 'SUCCEEDED',
               '--include-job-document', '--no-include-job-execution-state',
               '--expected-version', '2', '--step-timeout-in-minutes', '-1'], []
