
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
        &'ldp;help;completions'= {
        }
        &'ldp;help;help'= {
        }
    ]
    $completions[$command]
}
