# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ldp_global_optspecs
    string join \n u/url= broker-url= env-file= password-file= tls-ca= tls-insecure keyspace= profile= o/output= color= timeout= queues= priority-steps= priority-sep= global-keyprefix= audit-file= require-audit q/quiet v/verbose h/help V/version
end

function __fish_ldp_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ldp_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ldp_using_subcommand
    set -l cmd (__fish_ldp_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ldp -n "__fish_ldp_needs_command" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_needs_command" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_needs_command" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_needs_command" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_needs_command" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_needs_command" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_needs_command" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_needs_command" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_needs_command" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_needs_command" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_needs_command" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_needs_command" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_needs_command" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_needs_command" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_needs_command" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_needs_command" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_needs_command" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_needs_command" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_needs_command" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_needs_command" -s V -l version -d 'Print version'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "keys" -d 'Scan, size and delete keys by pattern'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "cache" -d 'Show and clear a document\'s or a project\'s cache; list the key families'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "monitor" -d 'Health checks (Nagios/Prometheus), memory by key family, hit rates, Celery queues'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "config" -d 'The effective settings and where each came from (flag, LDP_* variable, the pipeline\'s variables, .env file, profile, default)'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "doctor" -d 'Check that ldp can work here: servers, TLS, auth, versions, cluster slots, ACL, clock, broker layout'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "lock" -d 'List, hold, run under and break distributed locks (redis-py Lock format)'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "import" -d 'Upload, register and enqueue documents for the pipeline\'s Celery workers, exactly once'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "batch" -d 'The pipeline\'s batches and ldp\'s import batches, with real progress'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "audit" -d 'The audit trail: who ran which destructive command, when, and what it changed'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "rate" -d 'The pipeline\'s rate limits (rate:* sliding windows)'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "doc" -d 'Act on documents: enqueue failed ones again'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "queue" -d 'Act on the Celery queues: peek at, purge, and requeue overdue messages'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "sandbox" -d 'A throwaway pipeline-shaped Redis to try ldp on; Ctrl-C removes it'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -f -a "scan" -d 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -f -a "delete" -d 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -f -a "audit" -d 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -f -a "restore" -d 'Put back the keys a `--backup FILE` holds (RESTORE with their remaining TTLs)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete audit restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l type -d 'Only keys of this Redis type (string, list, set, zset, hash, stream)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l limit -d 'Stop after N keys' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l fields -d 'Extra columns: ttl, type, memory (comma-separated)' -r -f -a "ttl\t''
type\t''
memory\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l top -d 'The N biggest keys by memory' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l count -d 'SCAN COUNT hint per call' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l memory-samples -d 'MEMORY USAGE samples for collections (0 = exact)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l no-ttl -d 'Only keys without an expiry'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l group -d 'Count keys and bytes per pattern (UUID-, number- and hash-like segments fold into *)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l backup -d 'Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l max-keys -d 'Abort, deleting nothing, when more than N keys match' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l count -d 'SCAN COUNT hint per call' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l dry-run -d 'Count and show a sample; delete nothing'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l include-protected -d 'Also delete Celery broker keys and ldp\'s own keys'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l fix-ttl -d 'Set a TTL on the keys of FAMILY that have none (needs --ttl)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l ttl -d 'The TTL --fix-ttl sets, e.g. 24h' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l unknown -d 'Unknown-key patterns shown' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l count -d 'SCAN COUNT hint per call' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l dry-run -d 'With --fix-ttl: count, change nothing'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -s y -l yes -d 'With --fix-ttl: do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l replace -d 'Overwrite keys that exist already (asks first; --yes off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l dry-run -d 'Read the file and report what would be restored and which keys exist; write nothing'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Do not ask (required with --replace off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "scan" -d 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "audit" -d 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Put back the keys a `--backup FILE` holds (RESTORE with their remaining TTLs)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -f -a "show" -d 'Every key of the documents, by family, with type, TTL, size and pipeline status'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -f -a "clear" -d 'Delete the documents\' derived caches (bookkeeping only when named)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -f -a "families" -d 'The key-family registry in use (embedded, plus --keyspace FILE)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and not __fish_seen_subcommand_from show clear families help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l doc -d 'Document UUID (repeatable, or comma-separated)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l docs-from -d 'Read document UUIDs from a file, one per line (\'-\' for stdin)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l project -d 'A project (UUID or integer id): its documents as ldp\'s index and the pipeline\'s values name them' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l database-url -d 'With --project: also list the project\'s documents from PostgreSQL (source_documents)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l values -d 'Print decoded values (JSON pretty-printed and truncated)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l full -d 'With --values: do not truncate'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l doc -d 'Document UUID (repeatable, or comma-separated)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l docs-from -d 'Read document UUIDs from a file, one per line (\'-\' for stdin)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l project -d 'A project (UUID or integer id): its documents as ldp\'s index and the pipeline\'s values name them' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l family -d 'Families to clear (default: every derived-cache family); see `ldp cache families`' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l backup -d 'Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l database-url -d 'With --project: also take the project\'s documents from PostgreSQL (source_documents)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l dry-run -d 'Show what would be deleted; delete nothing'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -s y -l yes -d 'Do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l force -d 'Clear documents the pipeline is processing right now too'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from families" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "show" -d 'Every key of the documents, by family, with type, TTL, size and pipeline status'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Delete the documents\' derived caches (bookkeeping only when named)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "families" -d 'The key-family registry in use (embedded, plus --keyspace FILE)'
complete -c ldp -n "__fish_ldp_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -f -a "health" -d 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -f -a "memory" -d 'INFO memory, then keys and bytes per key family, and the biggest keys'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -f -a "stats" -d 'Keyspace hit rate, ops/s, and the pipeline\'s cache metrics per type'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -f -a "queues" -d 'Celery queues: ready messages per priority list, unacked and overdue ones'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -f -a "workers" -d 'Celery workers from Redis alone: status, pool, queues and the tasks they run'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -f -a "clients" -d 'Connections by client host and by name/library (CLIENT LIST on every node and the broker)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and not __fish_seen_subcommand_from health memory stats queues workers clients help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l latency-warn -d 'PING latency that warns' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l latency-crit -d 'PING latency that is critical' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l memory-warn -d 'Percent of maxmemory used that warns' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l memory-crit -d 'Percent of maxmemory used that is critical' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l clients-warn -d 'Percent of maxclients connected that warns' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l clients-crit -d 'Percent of maxclients connected that is critical' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l frag-warn -d 'Fragmentation ratio that warns (only with --frag-min-mb wasted)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l frag-min-mb -d 'Wasted MiB (RSS minus used) below which fragmentation is not judged' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l queue-warn -d 'Ready messages in one queue that warn' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l queue-crit -d 'Ready messages in one queue that are critical' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l visibility-timeout -d 'Unacked messages older than this are overdue: kombu redelivers them (default: the profile\'s, else 1h)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l interval -d 'Take two samples this far apart to judge evictions and rejected connections' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l stuck-after -d 'With --deep: a document in flight longer than this is stuck' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l check -d 'Only these checks (comma-separated)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l skip -d 'Skip these checks (comma-separated)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l output-file -d 'Write the output to this file atomically (node_exporter textfile collector)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l pool-size -d 'Connections one process may hold (the pipeline\'s REDIS_MAX_CONNECTIONS; default: that variable, else 50); a host holding more is flagged' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l deep -d 'Also run the checks that scan: locks without TTL, stuck documents'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from health" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l top -d 'The N biggest keys' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l sample -d 'Measure MEMORY USAGE on about N keys and extrapolate per family' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l count -d 'SCAN COUNT hint per call' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l full -d 'Measure every key (the default up to 1,000,000 keys)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from memory" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l interval -d 'Time between the two INFO samples' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l window -d 'How far back the pipeline\'s per-minute cache metrics are summed' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l watch -d 'Refresh every DUR until Ctrl-C (in place on a terminal; one line per refresh with -o ndjson)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l iterations -d 'With --watch: stop after N refreshes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l visibility-timeout -d 'Unacked messages older than this are overdue: kombu redelivers them (default: the profile\'s, else 1h)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l watch -d 'Refresh every DUR until Ctrl-C (in place on a terminal; one line per refresh with -o ndjson)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l iterations -d 'With --watch: stop after N refreshes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l no-discover -d 'Only the configured queues: no scan for other queues bound in _kombu.binding.*'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from queues" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l watch -d 'Refresh every DUR until Ctrl-C (in place on a terminal; one line per refresh with -o ndjson)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l iterations -d 'With --watch: stop after N refreshes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from workers" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l idle-over -d 'Connections idle longer than this are counted as idle' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l pool-size -d 'Connections one process may hold (the pipeline\'s REDIS_MAX_CONNECTIONS; default: that variable, else 50); a host holding more is flagged' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from clients" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "health" -d 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "memory" -d 'INFO memory, then keys and bytes per key family, and the biggest keys'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Keyspace hit rate, ops/s, and the pipeline\'s cache metrics per type'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "queues" -d 'Celery queues: ready messages per priority list, unacked and overdue ones'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "workers" -d 'Celery workers from Redis alone: status, pool, queues and the tasks they run'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "clients" -d 'Connections by client host and by name/library (CLIENT LIST on every node and the broker)'
complete -c ldp -n "__fish_ldp_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Every setting ldp runs with and its source; secrets only as set/unset'
complete -c ldp -n "__fish_ldp_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Every setting ldp runs with and its source; secrets only as set/unset'
complete -c ldp -n "__fish_ldp_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l skew-warn -d 'Clock skew between this machine and Redis above this is a WARNING' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l skew-crit -d 'Clock skew above this is CRITICAL' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -f -a "list" -d 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -f -a "hold" -d 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -f -a "run" -d 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -f -a "break" -d 'Delete a stuck lock, but only while the token shown (or --token) still holds it'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l limit -d 'Stop after N locks' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l no-ttl -d 'Only locks without a TTL (they never expire)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l key -d 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\\xNN escapes accepted)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l ttl -d 'Lock TTL, 1s to 24h: the key expires this long after the last renewal (renewed every TTL/3), so a crashed holder blocks others at most this long' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l wait -d 'When the lock is busy, keep trying this long (jittered backoff, polls at most 1s apart); 0 tries once' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l key -d 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\\xNN escapes accepted)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l ttl -d 'Lock TTL, 1s to 24h: the key expires this long after the last renewal (renewed every TTL/3), so a crashed holder blocks others at most this long' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l wait -d 'When the lock is busy, keep trying this long (jittered backoff, polls at most 1s apart); 0 tries once' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l conflict-exit-code -d 'Exit with N instead of 75 when the lock is busy (like flock -E)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l grace -d 'When the lock is lost: time between SIGTERM and SIGKILL to CMD' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l pass-secrets -d 'Pass the pipeline\'s secret variables (REDIS_PW, DATABASE_URL, ...) on to CMD; by default they are removed from its environment'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l key -d 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\\xNN escapes accepted)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l token -d 'Break only if this token holds the lock (default: the token shown)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l backup -d 'Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l dry-run -d 'Show the holder; break nothing'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s y -l yes -d 'Do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "list" -d 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "hold" -d 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "break" -d 'Delete a stuck lock, but only while the token shown (or --token) still holds it'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand import" -l manifest -d 'The pipeline\'s manifest (metadata.base_path, files[].path ...); \'-\' reads stdin' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand import" -l project -d 'The project\'s UUID' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l queue -d 'Celery queue of process_pdf_document' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l priority -d 'Celery priority 0-9' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l as-batch -d 'Send scripts.batch_tasks.process_batch_* tasks with manifests instead' -r -f -a "high\t''
normal\t''
low\t''"
complete -c ldp -n "__fish_ldp_using_subcommand import" -l batch-size -d 'Documents per batch task (with --as-batch)' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l path-template -d 'file_path sent to the workers: {uuid} {ext} {name} {project}, e.g. s3://bucket/documents/{uuid}{ext}' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l batch-id -d 'This run\'s batch id (ldp:batch:ID); default: a new UUID' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l batch-ttl -d 'How long ldp\'s batch record (ldp:batch:ID and its document set) lives' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l rate -d 'At most N documents per second' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l include -d 'Only files matching this glob (repeatable)' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l exclude -d 'Skip files matching this glob (repeatable)' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l jobs -d 'Files hashed at once (default: the number of CPUs), and uploads at once (default 8)' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l database-url -d 'PostgreSQL of the pipeline: run the whole intake (upload, register, enqueue). Env LDP_DATABASE_URL, else DATABASE_URL / DATABASE_URL_DIRECT' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l bucket -d 'Where documents go: NAME or s3://NAME (env S3_PRIMARY_DOCUMENT_BUCKET), or file:///DIR' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l s3-endpoint -d 'An S3-compatible endpoint instead of AWS, e.g. http://127.0.0.1:9000' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand import" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand import" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand import" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand import" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand import" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand import" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand import" -l dry-run -d 'Hash and plan, write nothing'
complete -c ldp -n "__fish_ldp_using_subcommand import" -s y -l yes -d 'Do not ask before a large import on a terminal'
complete -c ldp -n "__fish_ldp_using_subcommand import" -l fail-fast -d 'Stop at the first unreadable file or failed upload'
complete -c ldp -n "__fish_ldp_using_subcommand import" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand import" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand import" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand import" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'Every batch: the pipeline\'s counters next to the truth from the documents\' states'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'One batch: each document\'s stage and status, and the batch\'s errors'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N batches, newest first (a table shows 100 unless told)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l database-url -d 'Also list the batch\'s documents from PostgreSQL (source_documents of its import session)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l full -d 'Print whole error messages and tracebacks'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every batch: the pipeline\'s counters next to the truth from the documents\' states'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "show" -d 'One batch: each document\'s stage and status, and the batch\'s errors'
complete -c ldp -n "__fish_ldp_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l since -d 'Only entries from the last DUR (e.g. 1h, 7d), by the server\'s clock' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l action -d 'Only this action (e.g. \'keys delete\', \'cache clear\')' -r -f -a "keys delete\t''
keys audit\t''
keys restore\t''
cache clear\t''
lock break\t''
queue purge\t''
queue requeue-overdue\t''
doc retry\t''"
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l limit -d 'At most the newest N entries' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand audit" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand audit" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand audit" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'Every rate:* window: requests in it, its length, oldest and newest entry'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l limit -d 'The limit (requests per window): adds how long until a slot frees' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every rate:* window: requests in it, its length, oldest and newest entry'
complete -c ldp -n "__fish_ldp_using_subcommand rate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -f -a "retry" -d 'Enqueue process_pdf_document again for failed documents (never for one in flight)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and not __fish_seen_subcommand_from retry help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l doc -d 'Document UUID (repeatable, or comma-separated)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l project -d 'With --failed: only this project\'s documents (UUID or integer id)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l since -d 'With --failed: only documents whose latest update is this recent' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l queue -d 'The queue the tasks go to' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l priority -d 'Task priority 0-9' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l failed -d 'Every document that has failed (a failed latest update or a permanent batch error)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l dry-run -d 'Show what would be retried; enqueue nothing'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -s y -l yes -d 'Do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Enqueue process_pdf_document again for failed documents (never for one in flight)'
complete -c ldp -n "__fish_ldp_using_subcommand doc; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -f -a "peek" -d 'The next ready messages in the order workers take them, decoded (read-only)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -f -a "purge" -d 'Remove a queue\'s ready messages, or only one task\'s (unacked ones are untouched)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -f -a "requeue-overdue" -d 'Put unacked messages older than the visibility timeout back on their queues, as kombu does'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and not __fish_seen_subcommand_from peek purge requeue-overdue help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l limit -d 'How many messages' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from peek" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l task -d 'Only messages of this task (e.g. scripts.pdf_tasks.process_pdf_document)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l backup -d 'Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l dry-run -d 'Count what would be removed; remove nothing'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -s y -l yes -d 'Do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l visibility-timeout -d 'Unacked messages older than this go back (default: the profile\'s, else 1h)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l dry-run -d 'List what would go back; move nothing'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -s y -l yes -d 'Do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from requeue-overdue" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "peek" -d 'The next ready messages in the order workers take them, decoded (read-only)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Remove a queue\'s ready messages, or only one task\'s (unacked ones are untouched)'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "requeue-overdue" -d 'Put unacked messages older than the visibility timeout back on their queues, as kombu does'
complete -c ldp -n "__fish_ldp_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l docs -d 'Documents to seed (every 20: 12 completed, 2 with legacy keys, 2 in flight, 1 stuck, 1 failed at OCR, 2 queued)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l projects -d 'Projects the documents belong to' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l port -d 'Listen on this port (with --cluster: N, N+1, N+2 and the broker on N+3; their cluster bus ports are +10000); default: free ports the kernel picks' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l cluster -d 'A 3-primary Redis Cluster for the caches, and a standalone server for the Celery broker'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l detach -d 'Run in the background until `ldp sandbox stop`'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -f -a "stop" -d 'Stop the sandbox started with --detach: end its processes, remove its folder'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and not __fish_seen_subcommand_from stop help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l keyspace -d 'Key-family registry file that extends or overrides the embedded one' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -s o -l output -d 'Output format: the command\'s help lists the ones it offers' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l queues -d 'The Celery queues, comma-separated (default: the pipeline\'s nine)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l priority-steps -d 'kombu\'s priority_steps: 0,3,6,9 (the default) or a range such as 0..9' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l priority-sep -d 'kombu\'s priority separator, \\xNN escapes allowed (default \\x06\\x16; some deployments use :)' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l global-keyprefix -d 'kombu\'s global_keyprefix, if the deployment sets one' -r
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l audit-file -d 'Also append each destructive run\'s audit entry to this JSON-lines file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -l require-audit -d 'Refuse a destructive run whose audit entry cannot be written (checked before any change)'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop the sandbox started with --detach: end its processes, remove its folder'
complete -c ldp -n "__fish_ldp_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "completions" -d 'Print a shell completion script'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "keys" -d 'Scan, size and delete keys by pattern'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "cache" -d 'Show and clear a document\'s or a project\'s cache; list the key families'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "monitor" -d 'Health checks (Nagios/Prometheus), memory by key family, hit rates, Celery queues'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "config" -d 'The effective settings and where each came from (flag, LDP_* variable, the pipeline\'s variables, .env file, profile, default)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "doctor" -d 'Check that ldp can work here: servers, TLS, auth, versions, cluster slots, ACL, clock, broker layout'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "lock" -d 'List, hold, run under and break distributed locks (redis-py Lock format)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "import" -d 'Upload, register and enqueue documents for the pipeline\'s Celery workers, exactly once'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "batch" -d 'The pipeline\'s batches and ldp\'s import batches, with real progress'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "audit" -d 'The audit trail: who ran which destructive command, when, and what it changed'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "rate" -d 'The pipeline\'s rate limits (rate:* sliding windows)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "doc" -d 'Act on documents: enqueue failed ones again'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "queue" -d 'Act on the Celery queues: peek at, purge, and requeue overdue messages'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "sandbox" -d 'A throwaway pipeline-shaped Redis to try ldp on; Ctrl-C removes it'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from completions keys cache monitor config doctor lock import batch audit rate doc queue sandbox help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "scan" -d 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "delete" -d 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "audit" -d 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "restore" -d 'Put back the keys a `--backup FILE` holds (RESTORE with their remaining TTLs)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "show" -d 'Every key of the documents, by family, with type, TTL, size and pipeline status'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Delete the documents\' derived caches (bookkeeping only when named)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "families" -d 'The key-family registry in use (embedded, plus --keyspace FILE)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "health" -d 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "memory" -d 'INFO memory, then keys and bytes per key family, and the biggest keys'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "stats" -d 'Keyspace hit rate, ops/s, and the pipeline\'s cache metrics per type'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "queues" -d 'Celery queues: ready messages per priority list, unacked and overdue ones'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "workers" -d 'Celery workers from Redis alone: status, pool, queues and the tasks they run'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "clients" -d 'Connections by client host and by name/library (CLIENT LIST on every node and the broker)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Every setting ldp runs with and its source; secrets only as set/unset'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "list" -d 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "hold" -d 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "run" -d 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "break" -d 'Delete a stuck lock, but only while the token shown (or --token) still holds it'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "list" -d 'Every batch: the pipeline\'s counters next to the truth from the documents\' states'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "show" -d 'One batch: each document\'s stage and status, and the batch\'s errors'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from rate" -f -a "list" -d 'Every rate:* window: requests in it, its length, oldest and newest entry'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from doc" -f -a "retry" -d 'Enqueue process_pdf_document again for failed documents (never for one in flight)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "peek" -d 'The next ready messages in the order workers take them, decoded (read-only)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "purge" -d 'Remove a queue\'s ready messages, or only one task\'s (unacked ones are untouched)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "requeue-overdue" -d 'Put unacked messages older than the visibility timeout back on their queues, as kombu does'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "stop" -d 'Stop the sandbox started with --detach: end its processes, remove its folder'
