
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand monitor 'Watch the pipeline: Celery queues (health, memory and stats to come)'
            cand batch 'The pipeline''s batches and ldp''s import batches, with real progress'
            cand rate 'The pipeline''s rate limits (rate:* sliding windows)'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand queues 'Celery queues: ready messages per priority list, unacked and overdue ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;monitor;queues'= {
            cand --visibility-timeout 'Unacked messages older than this are overdue: kombu redelivers them (default: the profile''s, else 1h)'
            cand --watch 'Refresh every DUR until Ctrl-C (in place on a terminal; one line per refresh with -o ndjson)'
            cand --iterations 'With --watch: stop after N refreshes'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
            cand --no-discover 'Only the configured queues: no scan for other queues bound in _kombu.binding.*'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;monitor;help'= {
            cand queues 'Celery queues: ready messages per priority list, unacked and overdue ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;monitor;help;queues'= {
        }
        &'ldp;monitor;help;help'= {
        }
        &'ldp;batch'= {
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Every batch: the pipeline''s counters next to the truth from the documents'' states'
            cand show 'One batch: each document''s stage and status, and the batch''s errors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;batch;list'= {
            cand --limit 'Show at most N batches, newest first (a table shows 100 unless told)'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;batch;show'= {
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
            cand --full 'Print whole error messages and tracebacks'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;batch;help'= {
            cand list 'Every batch: the pipeline''s counters next to the truth from the documents'' states'
            cand show 'One batch: each document''s stage and status, and the batch''s errors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;batch;help;list'= {
        }
        &'ldp;batch;help;show'= {
        }
        &'ldp;batch;help;help'= {
        }
        &'ldp;rate'= {
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Every rate:* window: requests in it, its length, oldest and newest entry'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;rate;list'= {
            cand --limit 'The limit (requests per window): adds how long until a slot frees'
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
            cand --tls-insecure 'Do not verify the server''s TLS certificate'
            cand -q 'Quieter (no progress, no notes on stderr)'
            cand --quiet 'Quieter (no progress, no notes on stderr)'
            cand -v 'Louder (diagnostics on stderr); repeat for more'
            cand --verbose 'Louder (diagnostics on stderr); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ldp;rate;help'= {
            cand list 'Every rate:* window: requests in it, its length, oldest and newest entry'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ldp;rate;help;list'= {
        }
        &'ldp;rate;help;help'= {
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
            cand --queues 'The Celery queues, comma-separated (default: the pipeline''s nine)'
            cand --priority-steps 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9'
            cand --priority-sep 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)'
            cand --global-keyprefix 'kombu''s global_keyprefix, if the deployment sets one'
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
            cand monitor 'Watch the pipeline: Celery queues (health, memory and stats to come)'
            cand batch 'The pipeline''s batches and ldp''s import batches, with real progress'
            cand rate 'The pipeline''s rate limits (rate:* sliding windows)'
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
            cand queues 'Celery queues: ready messages per priority list, unacked and overdue ones'
        }
        &'ldp;help;monitor;queues'= {
        }
        &'ldp;help;batch'= {
            cand list 'Every batch: the pipeline''s counters next to the truth from the documents'' states'
            cand show 'One batch: each document''s stage and status, and the batch''s errors'
        }
        &'ldp;help;batch;list'= {
        }
        &'ldp;help;batch;show'= {
        }
        &'ldp;help;rate'= {
            cand list 'Every rate:* window: requests in it, its length, oldest and newest entry'
        }
        &'ldp;help;rate;list'= {
        }
        &'ldp;help;completions'= {
        }
        &'ldp;help;help'= {
        }
    ]
    $completions[$command]
}
