
use builtin;
use str;

set edit:completion:arg-completer[ldp] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ldp'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ldp'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keys 'Scan, size and delete keys by pattern'
            cand lock 'List, hold, run under and break distributed locks (redis-py Lock format)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;keys'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand scan 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
            cand delete 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;keys;scan'= {
            cand --type 'Only keys of this Redis type (string, list, set, zset, hash, stream)'
            cand --limit 'Stop after N keys'
            cand --fields 'Extra columns: ttl, type, memory (comma-separated)'
            cand --top 'The N biggest keys by memory'
            cand --count 'SCAN COUNT hint per call'
            cand --memory-samples 'MEMORY USAGE samples for collections (0 = exact)'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --no-ttl 'Only keys without an expiry'
            cand --group 'Count keys and bytes per pattern (UUID-, number- and hash-like segments fold into *)'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;keys;delete'= {
            cand --max-keys 'Abort, deleting nothing, when more than N keys match'
            cand --count 'SCAN COUNT hint per call'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --dry-run 'Count and show a sample; delete nothing'
            cand -y 'Do not ask (required off a terminal)'
            cand --yes 'Do not ask (required off a terminal)'
            cand --include-protected 'Also delete Celery broker keys and ldp''s own keys'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;keys;help'= {
            cand scan 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
            cand delete 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;keys;help;scan'= {
        }
        &'ldp;keys;help;delete'= {
        }
        &'ldp;keys;help;help'= {
        }
        &'ldp;lock'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged'
            cand hold 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it'
            cand run 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost'
            cand break 'Delete a stuck lock, but only while the token shown (or --token) still holds it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;lock;list'= {
            cand --limit 'Stop after N locks'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --no-ttl 'Only locks without a TTL (they never expire)'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;lock;hold'= {
            cand --key 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\xNN escapes accepted)'
            cand --ttl 'Lock TTL, 1s to 24h: the key expires this long after the last renewal (renewed every TTL/3), so a crashed holder blocks others at most this long'
            cand --wait 'When the lock is busy, keep trying this long (jittered backoff, polls at most 1s apart); 0 tries once'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;lock;run'= {
            cand --key 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\xNN escapes accepted)'
            cand --ttl 'Lock TTL, 1s to 24h: the key expires this long after the last renewal (renewed every TTL/3), so a crashed holder blocks others at most this long'
            cand --wait 'When the lock is busy, keep trying this long (jittered backoff, polls at most 1s apart); 0 tries once'
            cand --conflict-exit-code 'Exit with N instead of 75 when the lock is busy (like flock -E)'
            cand --grace 'When the lock is lost: time between SIGTERM and SIGKILL to CMD'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;lock;break'= {
            cand --key 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\xNN escapes accepted)'
            cand --token 'Break only if this token holds the lock (default: the token shown)'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --dry-run 'Show the holder; break nothing'
            cand -y 'Do not ask (required off a terminal)'
            cand --yes 'Do not ask (required off a terminal)'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;lock;help'= {
            cand list 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged'
            cand hold 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it'
            cand run 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost'
            cand break 'Delete a stuck lock, but only while the token shown (or --token) still holds it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;lock;help;list'= {
        }
        &'ldp;lock;help;hold'= {
        }
        &'ldp;lock;help;run'= {
        }
        &'ldp;lock;help;break'= {
        }
        &'ldp;lock;help;help'= {
        }
        &'ldp;completions'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;help'= {
            cand keys 'Scan, size and delete keys by pattern'
            cand lock 'List, hold, run under and break distributed locks (redis-py Lock format)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;help;keys'= {
            cand scan 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
            cand delete 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
        }
        &'ldp;help;keys;scan'= {
        }
        &'ldp;help;keys;delete'= {
        }
        &'ldp;help;lock'= {
            cand list 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged'
            cand hold 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it'
            cand run 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost'
            cand break 'Delete a stuck lock, but only while the token shown (or --token) still holds it'
        }
        &'ldp;help;lock;list'= {
        }
        &'ldp;help;lock;hold'= {
        }
        &'ldp;help;lock;run'= {
        }
        &'ldp;help;lock;break'= {
        }
        &'ldp;help;completions'= {
        }
        &'ldp;help;help'= {
        }
    ]
    $completions[$command]
}
