"""Raw response bodies, as iotjobsd (or AWS) sends them, for every operation with an output.

Members the Debian CLI's older iot model lacks (Job.scheduledJobRollouts,
Job.destinationPackageVersions, SchedulingConfig.maintenanceWindows) are left out: iotjobs's
newer trimmed model keeps them, so the two would rightly differ.
"""
import json

ARN = 'arn:aws:iot:us-east-1:123456789012:'
T1, T2, T3 = 1560787023.636, 1560787100, 1560790000.5

JOB = {
    'jobArn': ARN + 'job/fw-update-1', 'jobId': 'fw-update-1', 'targetSelection': 'SNAPSHOT',
    'status': 'IN_PROGRESS', 'forceCanceled': False, 'reasonCode': 'none: yes',
    'comment': 'Rolling out "v2"', 'targets': [ARN + 'thing/t1', ARN + 'thinggroup/g1'],
    'description': 'Firmware update #1: bootloader & app',
    'presignedUrlConfig': {'roleArn': ARN + 'role/S3', 'expiresInSec': 3600},
    'jobExecutionsRolloutConfig': {
        'maximumPerMinute': 50,
        'exponentialRate': {'baseRatePerMinute': 10, 'incrementFactor': 1.5,
                            'rateIncreaseCriteria': {'numberOfNotifiedThings': 5}}},
    'abortConfig': {'criteriaList': [
        {'failureType': 'FAILED', 'action': 'CANCEL', 'thresholdPercentage': 50.5,
         'minNumberOfExecutedThings': 10},
        {'failureType': 'ALL', 'action': 'CANCEL', 'thresholdPercentage': 100.0,
         'minNumberOfExecutedThings': 1}]},
    'createdAt': T1, 'lastUpdatedAt': T2, 'completedAt': T3,
    'jobProcessDetails': {'processingTargets': [ARN + 'thing/t1'], 'numberOfCanceledThings': 0,
                          'numberOfSucceededThings': 3, 'numberOfFailedThings': 1,
                          'numberOfRejectedThings': 0, 'numberOfQueuedThings': 2,
                          'numberOfInProgressThings': 1, 'numberOfRemovedThings': 0,
                          'numberOfTimedOutThings': 0},
    'timeoutConfig': {'inProgressTimeoutInMinutes': 60},
    'namespaceId': 'AWS', 'jobTemplateArn': ARN + 'jobtemplate/tmpl',
    'jobExecutionsRetryConfig': {'criteriaList': [{'failureType': 'TIMED_OUT',
                                                   'numberOfRetries': 2}]},
    'documentParameters': {'zeta': '1', 'alpha': 'yes', 'url': 'https://x/y?z=1#f'},
    'isConcurrent': False,
    'schedulingConfig': {'startTime': '2030-01-01T00:00', 'endTime': '2030-01-02T00:00',
                         'endBehavior': 'STOP_ROLLOUT'},
}

SUMMARY = {'jobArn': ARN + 'job/j1', 'jobId': 'j1', 'thingGroupId': 'g-1',
           'targetSelection': 'CONTINUOUS', 'status': 'COMPLETED', 'createdAt': T1,
           'lastUpdatedAt': T2, 'completedAt': T3, 'isConcurrent': True}

EXECUTION = {'jobId': 'fw-update-1', 'status': 'SUCCEEDED', 'forceCanceled': False,
             'statusDetails': {'detailsMap': {'progress': '100%', 'step': 'done: ok',
                                              'empty': ''}},
             'thingArn': ARN + 'thing/t1', 'queuedAt': T1, 'startedAt': T2,
             'lastUpdatedAt': T3, 'executionNumber': 1, 'versionNumber': 3,
             'approximateSecondsBeforeTimedOut': 120}

DOC = '{"operation":"install","files":[{"url":"https://example.com/fw.bin","size":1024}]}'

DEVICE_EXEC = {'jobId': 'fw-update-1', 'thingName': 't1', 'status': 'IN_PROGRESS',
               'statusDetails': {'progress': '50%', 'note': 'a: b'},
               'queuedAt': 1560787023, 'startedAt': 1560787100, 'lastUpdatedAt': 1560787200,
               'approximateSecondsBeforeTimedOut': 3540, 'versionNumber': 2,
               'executionNumber': 1, 'jobDocument': DOC}

SUMMARY_DEVICE = {'jobId': 'j1', 'queuedAt': 1560787023, 'startedAt': 1560787100,
                  'lastUpdatedAt': 1560787200, 'versionNumber': 1, 'executionNumber': 1}


def shuffled(d):
    return dict(reversed(list(d.items())))


def realistic():
    iot = [
        ('CreateThing', {'thingName': 't1', 'thingArn': ARN + 'thing/t1', 'thingId': 'id-1'}),
        ('DescribeThing', {'defaultClientId': 't1', 'thingName': 't1', 'thingId': 'id-1',
                           'thingArn': ARN + 'thing/t1', 'thingTypeName': 'sensor',
                           'attributes': {'model': 'X1', 'serial': '007', 'on': 'true'},
                           'version': 3, 'billingGroupName': 'bg'}),
        ('ListThings', {'things': [
            {'thingName': 't1', 'thingTypeName': 'sensor', 'thingArn': ARN + 'thing/t1',
             'attributes': {'a': '1'}, 'version': 1},
            {'thingName': 't2', 'thingArn': ARN + 'thing/t2', 'attributes': {},
             'version': 7}], 'nextToken': 'tok=='}),
        ('UpdateThing', {}), ('DeleteThing', {}),
        ('CreateThingGroup', {'thingGroupName': 'g1', 'thingGroupArn': ARN + 'thinggroup/g1',
                              'thingGroupId': 'gid'}),
        ('DescribeThingGroup', {'thingGroupName': 'g1', 'thingGroupId': 'gid',
                                'thingGroupArn': ARN + 'thinggroup/g1', 'version': 2,
                                'thingGroupProperties': {
                                    'thingGroupDescription': 'Lab devices',
                                    'attributePayload': {'attributes': {'floor': '3'},
                                                         'merge': True}},
                                'thingGroupMetadata': {
                                    'parentGroupName': 'root',
                                    'rootToParentThingGroups': [
                                        {'groupName': 'root',
                                         'groupArn': ARN + 'thinggroup/root'}],
                                    'creationDate': 1560787023.5},
                                'status': 'ACTIVE'}),
        ('ListThingGroups', {'thingGroups': [{'groupName': 'g1', 'groupArn': ARN + 'tg/g1'},
                                             {'groupName': 'g2', 'groupArn': ARN + 'tg/g2'}]}),
        ('UpdateThingGroup', {'version': 4}), ('DeleteThingGroup', {}),
        ('AddThingToThingGroup', {}), ('RemoveThingFromThingGroup', {}),
        ('ListThingsInThingGroup', {'things': ['t1', 't2', 'yes'], 'nextToken': None}),
        ('ListThingGroupsForThing', {'thingGroups': []}),
        ('CreateJob', {'jobArn': ARN + 'job/j1', 'jobId': 'j1', 'description': 'd'}),
        ('DescribeJob', {'documentSource': 'https://s3/doc.json', 'job': JOB}),
        ('ListJobs', {'jobs': [SUMMARY, dict(SUMMARY, jobId='j2', status='IN_PROGRESS',
                                             completedAt=None, thingGroupId=None)],
                      'nextToken': 'next'}),
        ('CancelJob', {'jobArn': ARN + 'job/j1', 'jobId': 'j1', 'description': ''}),
        ('GetJobDocument', {'document': DOC}),
        ('AssociateTargetsWithJob', {'jobArn': ARN + 'job/j1', 'jobId': 'j1'}),
        ('DescribeJobExecution', {'execution': EXECUTION}),
        ('ListJobExecutionsForJob', {'executionSummaries': [
            {'thingArn': ARN + 'thing/t1', 'jobExecutionSummary': {
                'status': 'QUEUED', 'queuedAt': T1, 'lastUpdatedAt': T1, 'executionNumber': 1,
                'retryAttempt': 0}},
            {'thingArn': ARN + 'thing/t2', 'jobExecutionSummary': {
                'status': 'SUCCEEDED', 'queuedAt': T1, 'startedAt': T2, 'lastUpdatedAt': T3,
                'executionNumber': 2}}]}),
        ('ListJobExecutionsForThing', {'executionSummaries': [
            {'jobId': 'j1', 'jobExecutionSummary': {'status': 'IN_PROGRESS', 'queuedAt': T2,
                                                    'executionNumber': 5}}]}),
        ('UpdateJob', {}), ('DeleteJob', {}), ('CancelJobExecution', {}),
        ('DeleteJobExecution', {}),
    ]
    device = [
        ('GetPendingJobExecutions', {'inProgressJobs': [SUMMARY_DEVICE],
                                     'queuedJobs': [dict(SUMMARY_DEVICE, jobId='j2'),
                                                    dict(SUMMARY_DEVICE, jobId='j3')]}),
        ('StartNextPendingJobExecution', {'execution': DEVICE_EXEC}),
        ('StartNextPendingJobExecution', {}),
        ('DescribeJobExecution', {'execution': DEVICE_EXEC}),
        ('UpdateJobExecution', {'executionState': {'status': 'SUCCEEDED',
                                                   'statusDetails': {'k': 'v'},
                                                   'versionNumber': 3},
                                'jobDocument': DOC}),
    ]
    out = []
    for service, ops in (('iot', iot), ('iot-jobs-data', device)):
        seen = {}
        for op, body in ops:
            seen[op] = seen.get(op, 0) + 1
            out.append(('%s/%s/%d' % (service, op, seen[op]), service, op, json.dumps(body)))
            if body:
                out.append(('%s/%s/reversed' % (service, op), service, op,
                            json.dumps(shuffled(body))))
    return out


TIMESTAMPS = [
    1560787023.636, 1560787023, 0, -1.5, 1560787023.9999995, 1560787023.0000004, 1e9,
    253402300799, 1560787023.5, 0.000001, 1560787023.123456789, True,
    '1560787023', '1560787023.5', ' 1560787023 ', '1_560_787_023',
    '2019-06-17T15:57:03Z', '2019-06-17T15:57:03.1234567Z', '2019-06-17T15:57:03.000Z',
    '2019-06-17', '2019-06-17T15:57', '2019-06-17 15:57:03+02:00',
    '2019-06-17T15:57:03-0530', '2019-06-17T15:57:03+00:00', '2019-06-17T15:57:03',
    '2019-06-17T15:57:03.5', 'Mon, 17 Jun 2019 15:57:03 GMT', '20190617T155703Z',
]


def hostile():
    out = []
    for i, ts in enumerate(TIMESTAMPS):
        body = {'execution': {'jobId': 'j', 'queuedAt': ts, 'startedAt': ts}}
        out.append(('ts/%d' % i, 'iot', 'DescribeJobExecution', json.dumps(body)))
    extras = [
        ('unknown-members', 'iot', 'DescribeJob',
         {'zzz': 1, 'job': {'jobId': 'j', 'unknown': {'a': 1}, 'status': 'QUEUED'}, 'aaa': []}),
        ('nulls', 'iot', 'DescribeJob',
         {'documentSource': None, 'job': {'jobId': None, 'targets': ['a', None],
                                          'documentParameters': {'k': None, 'j': 'v'},
                                          'abortConfig': None, 'createdAt': None}}),
        ('null-list-items', 'iot', 'ListJobs', {'jobs': [None, {'jobId': 'j'}]}),
        ('empty-containers', 'iot', 'DescribeJob',
         {'job': {'targets': [], 'documentParameters': {}, 'abortConfig': {},
                  'jobProcessDetails': {'processingTargets': []}}}),
        ('map-order', 'iot', 'DescribeThing',
         {'attributes': {'z': '1', 'a': '2', 'm': '3', '': '4', 'é': '5'}}),
        ('unicode', 'iot', 'DescribeJob',
         {'job': {'jobId': '日本語', 'description': 'emoji 😀\n"quoted"\ttab',
                  'comment': '\u2028\x85'}}),
        ('numbers', 'iot', 'DescribeJob',
         {'job': {'abortConfig': {'criteriaList': [
             {'thresholdPercentage': 1e-07, 'minNumberOfExecutedThings': 2 ** 31},
             {'thresholdPercentage': 1e16}, {'thresholdPercentage': 100},
             {'thresholdPercentage': 0.1}]},
             'timeoutConfig': {'inProgressTimeoutInMinutes': 2 ** 63 - 1}}}),
        ('string-typed-numbers', 'iot', 'DescribeThing', {'version': '3', 'thingName': 7}),
        ('empty-body', 'iot', 'DescribeJob', {}),
        ('no-output-with-body', 'iot', 'DeleteJob', {'a': 1}),
        ('device-long-timestamps', 'iot-jobs-data', 'DescribeJobExecution',
         {'execution': {'queuedAt': 1560787023.5, 'lastUpdatedAt': '2019', 'jobId': 'j'}}),
    ]
    for name, service, op, body in extras:
        out.append((name, service, op, json.dumps(body, ensure_ascii=False)))
    out.append(('whitespace-body', 'iot', 'DescribeJob', ' \n{ "job" : { "jobId" : "j" } }\n'))
    return out


def raw_responses():
    return realistic() + hostile()
