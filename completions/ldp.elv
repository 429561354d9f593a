
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
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand cache 'Show and clear a document''s or a project''s cache; list the key families'
            cand monitor 'Health checks (Nagios/Prometheus), memory by key family, hit rates'
            cand lock 'List, hold, run under and break distributed locks (redis-py Lock format)'
            cand import 'Register and enqueue documents for the pipeline''s Celery workers, exactly once'
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
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand audit 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys'
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
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
        &'ldp;keys;audit'= {
            cand --fix-ttl 'Set a TTL on the keys of FAMILY that have none (needs --ttl)'
            cand --ttl 'The TTL --fix-ttl sets, e.g. 24h'
            cand --unknown 'Unknown-key patterns shown'
            cand --count 'SCAN COUNT hint per call'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --dry-run 'With --fix-ttl: count, change nothing'
            cand -y 'With --fix-ttl: do not ask (required off a terminal)'
            cand --yes 'With --fix-ttl: do not ask (required off a terminal)'
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
            cand audit 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;keys;help;scan'= {
        }
        &'ldp;keys;help;delete'= {
        }
        &'ldp;keys;help;audit'= {
        }
        &'ldp;keys;help;help'= {
        }
        &'ldp;cache'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand show 'Every key of the documents, by family, with type, TTL, size and pipeline status'
            cand clear 'Delete the documents'' derived caches (bookkeeping only when named)'
            cand families 'The key-family registry in use (embedded, plus --keyspace FILE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;cache;show'= {
            cand --doc 'Document UUID (repeatable, or comma-separated)'
            cand --docs-from 'Read document UUIDs from a file, one per line (''-'' for stdin)'
            cand --project 'A project (UUID or integer id): its documents as ldp''s index and the pipeline''s values name them'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --values 'Print decoded values (JSON pretty-printed and truncated)'
            cand --full 'With --values: do not truncate'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;cache;clear'= {
            cand --doc 'Document UUID (repeatable, or comma-separated)'
            cand --docs-from 'Read document UUIDs from a file, one per line (''-'' for stdin)'
            cand --project 'A project (UUID or integer id): its documents as ldp''s index and the pipeline''s values name them'
            cand --family 'Families to clear (default: every derived-cache family); see `ldp cache families`'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --dry-run 'Show what would be deleted; delete nothing'
            cand -y 'Do not ask (required off a terminal)'
            cand --yes 'Do not ask (required off a terminal)'
            cand --force 'Clear documents the pipeline is processing right now too'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;cache;families'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
        &'ldp;cache;help'= {
            cand show 'Every key of the documents, by family, with type, TTL, size and pipeline status'
            cand clear 'Delete the documents'' derived caches (bookkeeping only when named)'
            cand families 'The key-family registry in use (embedded, plus --keyspace FILE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;cache;help;show'= {
        }
        &'ldp;cache;help;clear'= {
        }
        &'ldp;cache;help;families'= {
        }
        &'ldp;cache;help;help'= {
        }
        &'ldp;monitor'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand health 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN'
            cand memory 'INFO memory, then keys and bytes per key family, and the biggest keys'
            cand stats 'Keyspace hit rate, ops/s, and the pipeline''s cache metrics per type'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;monitor;health'= {
            cand --latency-warn 'PING latency that warns'
            cand --latency-crit 'PING latency that is critical'
            cand --memory-warn 'Percent of maxmemory used that warns'
            cand --memory-crit 'Percent of maxmemory used that is critical'
            cand --clients-warn 'Percent of maxclients connected that warns'
            cand --clients-crit 'Percent of maxclients connected that is critical'
            cand --frag-warn 'Fragmentation ratio that warns (only with --frag-min-mb wasted)'
            cand --frag-min-mb 'Wasted MiB (RSS minus used) below which fragmentation is not judged'
            cand --queue-warn 'Ready messages in one queue that warn'
            cand --queue-crit 'Ready messages in one queue that are critical'
            cand --visibility-timeout 'Celery''s visibility timeout: unacked messages older than this are redelivered'
            cand --interval 'Take two samples this far apart to judge evictions and rejected connections'
            cand --stuck-after 'With --deep: a document in flight longer than this is stuck'
            cand --check 'Only these checks (comma-separated)'
            cand --skip 'Skip these checks (comma-separated)'
            cand --output-file 'Write the output to this file atomically (node_exporter textfile collector)'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --deep 'Also run the checks that scan: locks without TTL, stuck documents'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;monitor;memory'= {
            cand --top 'The N biggest keys'
            cand --sample 'Measure MEMORY USAGE on about N keys and extrapolate per family'
            cand --count 'SCAN COUNT hint per call'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --full 'Measure every key (the default up to 1,000,000 keys)'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;monitor;stats'= {
            cand --interval 'Time between the two INFO samples'
            cand --window 'How far back the pipeline''s per-minute cache metrics are summed'
            cand --watch 'Refresh every DUR until Ctrl-C (with -o ndjson: one line per refresh)'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
        &'ldp;monitor;help'= {
            cand health 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN'
            cand memory 'INFO memory, then keys and bytes per key family, and the biggest keys'
            cand stats 'Keyspace hit rate, ops/s, and the pipeline''s cache metrics per type'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;monitor;help;health'= {
        }
        &'ldp;monitor;help;memory'= {
        }
        &'ldp;monitor;help;stats'= {
        }
        &'ldp;monitor;help;help'= {
        }
        &'ldp;lock'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
        &'ldp;import'= {
            cand --manifest 'The pipeline''s manifest (metadata.base_path, files[].path ...); ''-'' reads stdin'
            cand --project 'The project''s UUID'
            cand --queue 'Celery queue of process_pdf_document'
            cand --priority 'Celery priority 0-9'
            cand --as-batch 'Send scripts.batch_tasks.process_batch_* tasks with manifests instead'
            cand --batch-size 'Documents per batch task (with --as-batch)'
            cand --path-template 'file_path sent to the workers: {uuid} {ext} {name} {project}, e.g. s3://bucket/documents/{uuid}{ext}'
            cand --batch-id 'This run''s batch id (ldp:batch:ID); default: a new UUID'
            cand --rate 'At most N documents per second'
            cand --include 'Only files matching this glob (repeatable)'
            cand --exclude 'Skip files matching this glob (repeatable)'
            cand --jobs 'Files hashed at once (default: the number of CPUs)'
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
            cand --profile 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour'
            cand --timeout 'Timeout of each Redis request, e.g. 500ms, 30s'
            cand --dry-run 'Hash and plan, write nothing'
            cand -y 'Do not ask before a large import on a terminal'
            cand --yes 'Do not ask before a large import on a terminal'
            cand --fail-fast 'Stop at the first unreadable file'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;completions'= {
            cand -u 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --url 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes'
            cand --broker-url 'The Celery broker''s Redis (defaults to --url)'
            cand --env-file 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file'
            cand --password-file 'Read the Redis password from this file (wins over a password in the URL)'
            cand --tls-ca 'PEM file of the CA that signs the server''s certificate'
            cand --keyspace 'Key-family registry file that extends or overrides the embedded one'
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
            cand cache 'Show and clear a document''s or a project''s cache; list the key families'
            cand monitor 'Health checks (Nagios/Prometheus), memory by key family, hit rates'
            cand lock 'List, hold, run under and break distributed locks (redis-py Lock format)'
            cand import 'Register and enqueue documents for the pipeline''s Celery workers, exactly once'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;help;keys'= {
            cand scan 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide'
            cand delete 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)'
            cand audit 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys'
        }
        &'ldp;help;keys;scan'= {
        }
        &'ldp;help;keys;delete'= {
        }
        &'ldp;help;keys;audit'= {
        }
        &'ldp;help;cache'= {
            cand show 'Every key of the documents, by family, with type, TTL, size and pipeline status'
            cand clear 'Delete the documents'' derived caches (bookkeeping only when named)'
            cand families 'The key-family registry in use (embedded, plus --keyspace FILE)'
        }
        &'ldp;help;cache;show'= {
        }
        &'ldp;help;cache;clear'= {
        }
        &'ldp;help;cache;families'= {
        }
        &'ldp;help;monitor'= {
            cand health 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN'
            cand memory 'INFO memory, then keys and bytes per key family, and the biggest keys'
            cand stats 'Keyspace hit rate, ops/s, and the pipeline''s cache metrics per type'
        }
        &'ldp;help;monitor;health'= {
        }
        &'ldp;help;monitor;memory'= {
        }
        &'ldp;help;monitor;stats'= {
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
        &'ldp;help;import'= {
        }
        &'ldp;help;completions'= {
        }
        &'ldp;help;help'= {
        }
    ]
    $completions[$command]
}
