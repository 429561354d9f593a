# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ldp_global_optspecs
    string join \n u/url= broker-url= env-file= password-file= tls-ca= tls-insecure profile= o/output= color= timeout= q/quiet v/verbose h/help V/version
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
complete -c ldp -n "__fish_ldp_needs_command" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_needs_command" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_needs_command" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_needs_command" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_needs_command" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_needs_command" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_needs_command" -s V -l version -d 'Print version'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "keys" -d 'Scan, size and delete keys by pattern'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "lock" -d 'List, hold, run under and break distributed locks (redis-py Lock format)'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c ldp -n "__fish_ldp_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -f -a "scan" -d 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -f -a "delete" -d 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and not __fish_seen_subcommand_from scan delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l no-ttl -d 'Only keys without an expiry'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l group -d 'Count keys and bytes per pattern (UUID-, number- and hash-like segments fold into *)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l max-keys -d 'Abort, deleting nothing, when more than N keys match' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l count -d 'SCAN COUNT hint per call' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l dry-run -d 'Count and show a sample; delete nothing'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l include-protected -d 'Also delete Celery broker keys and ldp\'s own keys'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "scan" -d 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
complete -c ldp -n "__fish_ldp_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and not __fish_seen_subcommand_from list hold run break help" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
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
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l no-ttl -d 'Only locks without a TTL (they never expire)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
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
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from hold" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
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
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l key -d 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\\xNN escapes accepted)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l token -d 'Break only if this token holds the lock (default: the token shown)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l dry-run -d 'Show the holder; break nothing'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s y -l yes -d 'Do not ask (required off a terminal)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from break" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "list" -d 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "hold" -d 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "break" -d 'Delete a stuck lock, but only while the token shown (or --token) still holds it'
complete -c ldp -n "__fish_ldp_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s u -l url -d 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l broker-url -d 'The Celery broker\'s Redis (defaults to --url)' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l env-file -d 'Read the pipeline\'s variables (REDIS_HOST, REDIS_PW, ...) from this .env file' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l password-file -d 'Read the Redis password from this file (wins over a password in the URL)' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l tls-ca -d 'PEM file of the CA that signs the server\'s certificate' -r -F
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l profile -d 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
nagios\t''
prometheus\t''"
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l timeout -d 'Timeout of each Redis request, e.g. 500ms, 30s' -r
complete -c ldp -n "__fish_ldp_using_subcommand completions" -l tls-insecure -d 'Do not verify the server\'s TLS certificate'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s q -l quiet -d 'Quieter (no progress, no notes on stderr)'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s v -l verbose -d 'Louder (diagnostics on stderr); repeat for more'
complete -c ldp -n "__fish_ldp_using_subcommand completions" -s h -l help -d 'Print help'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from keys lock completions help" -f -a "keys" -d 'Scan, size and delete keys by pattern'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from keys lock completions help" -f -a "lock" -d 'List, hold, run under and break distributed locks (redis-py Lock format)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from keys lock completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c ldp -n "__fish_ldp_using_subcommand help; and not __fish_seen_subcommand_from keys lock completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "scan" -d 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "delete" -d 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "list" -d 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "hold" -d 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "run" -d 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost'
complete -c ldp -n "__fish_ldp_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "break" -d 'Delete a stuck lock, but only while the token shown (or --token) still holds it'
