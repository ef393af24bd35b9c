# Team history on S3-compatible object storage (src/remote/, pasos sync).

remote-location-not-s3 = `{ $text }` is not an S3 location; write it as s3://BUCKET/PREFIX
remote-location-bucket = `{ $bucket }` is not a bucket name: 3 to 63 lowercase letters, digits, `-` or `.`
remote-location-prefix = `{ $prefix }` is not a usable prefix: no empty, `.` or `..` parts
remote-config-endpoint = endpoint `{ $endpoint }` must start with http:// or https://
remote-config-hint = hint: [history] takes remote = "s3://bucket/prefix", endpoint, region, retention_days, refresh_seconds; credentials come from the AWS environment or ~/.aws/credentials

remote-probe-put-enforced = conditional puts: enforced (a second write to a key is refused)
remote-probe-put-ignored = conditional puts: IGNORED (the server overwrote a key written with If-None-Match: *); pasos looks before every write and names every object by its content hash
remote-probe-put-unknown = conditional puts: could not be told ({ $detail })
remote-probe-retention-enforced = retention: enforced, { $mode }, { $count ->
    [one] { $count } day
   *[other] { $count } days
} per object (a probe object is retained until { $until })
remote-probe-retention-not-configured = retention: NOT enforced: bucket { $bucket } has no Object Lock configuration, so its { $count ->
    [one] { $count } day is
   *[other] { $count } days are
} a hope, not a promise
remote-probe-retention-unsupported = retention: NOT enforced: the server of bucket { $bucket } does not implement Object Lock ({ $detail }), so its { $count ->
    [one] { $count } day is
   *[other] { $count } days are
} a hope, not a promise
remote-probe-retention-not-applied = retention: NOT enforced: bucket { $bucket } has Object Lock on, but a probe object came back without retention ({ $detail }), so its { $count ->
    [one] { $count } day is
   *[other] { $count } days are
} a hope, not a promise
remote-probe-retention-unknown = retention: NOT known for bucket { $bucket } ({ $detail }); count its { $count ->
    [one] { $count } day
   *[other] { $count } days
} as a hope, not a promise

remote-none-configured = no remote history is configured: add [history] remote = "s3://bucket/prefix" to config.toml (see `pasos paths`) or give --remote
remote-client-failed = cannot set up the S3 client: { $detail }
remote-unreachable = the bucket { $location } cannot be reached: { $detail }
remote-refresh-failed = the bucket { $location } cannot be read ({ $detail }); showing the remote runs as of { $at }

remote-sync-pushed = { $count ->
    [one] { $count } run
   *[other] { $count } runs
} sent to { $location } ({ $objects ->
    [one] { $objects } new object
   *[other] { $objects } new objects
})
remote-sync-pulled = { $count ->
    [one] { $count } run
   *[other] { $count } runs
} in the bucket, { $fetched } read into the local history
remote-queued-run = { $run }  not uploaded: { $detail }
remote-queue-empty = upload queue: empty, every run is in the bucket
remote-queue-head = upload queue: { $count ->
    [one] { $count } run
   *[other] { $count } runs
} not yet (fully) in the bucket; `pasos sync` sends them
remote-queue-not-tried = not tried yet
remote-status-location = remote history: { $location } at { $endpoint }
remote-status-cache = local copy of the bucket's runs: { $count ->
    [one] { $count } run
   *[other] { $count } runs
}, read { $at }
remote-list-not-uploaded = { $count ->
    [one] { $count } run is
   *[other] { $count } runs are
} not yet uploaded to { $location } (`pasos sync` sends them):

remote-verify-ok = ok    { $run }  { $count ->
    [one] { $count } line
   *[other] { $count } lines
} in { $objects ->
    [one] { $objects } object
   *[other] { $objects } objects
}
remote-verify-fail = FAIL  { $run }  { $detail }
remote-verify-never-uploaded = NEVER UPLOADED  { $run }  (this bastion has it; the bucket has nothing of it)
remote-verify-summary = { $count ->
    [one] { $count } run
   *[other] { $count } runs
} in { $location }: { $failed } do not verify; { $never } local runs never uploaded
remote-finding-gap = lines { $from } to { $to } are missing from the bucket (objects deleted)
remote-finding-changed = object { $key } was changed in the bucket: its bytes are not the ones its name records
remote-finding-overlap = object { $key } repeats lines another object holds, with other bytes
remote-finding-chain = the chain does not hold ({ $kind }, line { $line }): { $detail }
remote-finding-lines-gone = this bastion uploaded lines up to { $uploaded }; the bucket has them up to { $remote } (objects deleted)
remote-finding-file-gone = this bastion uploaded { $uploaded } bytes of { $name }; the bucket has { $remote } (objects deleted)
remote-finding-run-gone = the whole run is gone from the bucket (it was there before)
remote-finding-behind = not yet uploaded: this bastion has lines up to { $local }, the bucket up to { $remote }

remote-run-uploaded = the run is in the team's bucket ({ $objects ->
    [one] { $objects } new object
   *[other] { $objects } new objects
})
remote-run-queued = the run is safe here; { $count ->
    [one] { $count } run waits
   *[other] { $count } runs wait
} to be uploaded ({ $detail }); `pasos sync` sends them
remote-run-still-sending = the run is safe here; its upload did not finish in time and waits for `pasos sync`
remote-refresh-failed-no-copy = the bucket { $location } cannot be read ({ $detail }); no remote runs are shown until it can
remote-no-credentials = no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile in ~/.aws/credentials (AWS_PROFILE)
remote-verify-no-runs = log verify --remote verifies every run in the bucket; name no runs with it
remote-status-cache-none = local copy of the bucket's runs: none yet (the history commands and `pasos sync` read the bucket)
