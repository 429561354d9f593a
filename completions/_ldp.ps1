
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ldp' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ldp'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ldp' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Scan, size and delete keys by pattern')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'List, hold, run under and break distributed locks (redis-py Lock format)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;keys' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;keys;scan' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only keys of this Redis type (string, list, set, zset, hash, stream)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N keys')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Extra columns: ttl, type, memory (comma-separated)')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'The N biggest keys by memory')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'SCAN COUNT hint per call')
            [CompletionResult]::new('--memory-samples', '--memory-samples', [CompletionResultType]::ParameterName, 'MEMORY USAGE samples for collections (0 = exact)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--no-ttl', '--no-ttl', [CompletionResultType]::ParameterName, 'Only keys without an expiry')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Count keys and bytes per pattern (UUID-, number- and hash-like segments fold into *)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;keys;delete' {
            [CompletionResult]::new('--max-keys', '--max-keys', [CompletionResultType]::ParameterName, 'Abort, deleting nothing, when more than N keys match')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'SCAN COUNT hint per call')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count and show a sample; delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--include-protected', '--include-protected', [CompletionResultType]::ParameterName, 'Also delete Celery broker keys and ldp''s own keys')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;keys;help' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;keys;help;scan' {
            break
        }
        'ldp;keys;help;delete' {
            break
        }
        'ldp;keys;help;help' {
            break
        }
        'ldp;lock' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost')
            [CompletionResult]::new('break', 'break', [CompletionResultType]::ParameterValue, 'Delete a stuck lock, but only while the token shown (or --token) still holds it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;lock;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N locks')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--no-ttl', '--no-ttl', [CompletionResultType]::ParameterName, 'Only locks without a TTL (they never expire)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;lock;hold' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\xNN escapes accepted)')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lock TTL, 1s to 24h: the key expires this long after the last renewal (renewed every TTL/3), so a crashed holder blocks others at most this long')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When the lock is busy, keep trying this long (jittered backoff, polls at most 1s apart); 0 tries once')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;lock;run' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\xNN escapes accepted)')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lock TTL, 1s to 24h: the key expires this long after the last renewal (renewed every TTL/3), so a crashed holder blocks others at most this long')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When the lock is busy, keep trying this long (jittered backoff, polls at most 1s apart); 0 tries once')
            [CompletionResult]::new('--conflict-exit-code', '--conflict-exit-code', [CompletionResultType]::ParameterName, 'Exit with N instead of 75 when the lock is busy (like flock -E)')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'When the lock is lost: time between SIGTERM and SIGKILL to CMD')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;lock;break' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\xNN escapes accepted)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Break only if this token holds the lock (default: the token shown)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the holder; break nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;lock;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost')
            [CompletionResult]::new('break', 'break', [CompletionResultType]::ParameterValue, 'Delete a stuck lock, but only while the token shown (or --token) still holds it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;lock;help;list' {
            break
        }
        'ldp;lock;help;hold' {
            break
        }
        'ldp;lock;help;run' {
            break
        }
        'ldp;lock;help;break' {
            break
        }
        'ldp;lock;help;help' {
            break
        }
        'ldp;completions' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;help' {
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Scan, size and delete keys by pattern')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'List, hold, run under and break distributed locks (redis-py Lock format)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;help;keys' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)')
            break
        }
        'ldp;help;keys;scan' {
            break
        }
        'ldp;help;keys;delete' {
            break
        }
        'ldp;help;lock' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex, lock-signal:*) with token, TTL and holder style; locks without TTL are flagged')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost')
            [CompletionResult]::new('break', 'break', [CompletionResultType]::ParameterValue, 'Delete a stuck lock, but only while the token shown (or --token) still holds it')
            break
        }
        'ldp;help;lock;list' {
            break
        }
        'ldp;help;lock;hold' {
            break
        }
        'ldp;help;lock;run' {
            break
        }
        'ldp;help;lock;break' {
            break
        }
        'ldp;help;completions' {
            break
        }
        'ldp;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
