
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
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Scan, size and delete keys by pattern')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Show and clear a document''s or a project''s cache; list the key families')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Health checks (Nagios/Prometheus), memory by key family, hit rates, Celery queues')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The effective settings and where each came from (flag, LDP_* variable, the pipeline''s variables, .env file, profile, default)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check that ldp can work here: servers, TLS, auth, versions, cluster slots, ACL, clock, broker layout')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'List, hold, run under and break distributed locks (redis-py Lock format)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Upload, register and enqueue documents for the pipeline''s Celery workers, exactly once')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'The pipeline''s batches and ldp''s import batches, with real progress')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The audit trail: who ran which destructive command, when, and what it changed')
            [CompletionResult]::new('rate', 'rate', [CompletionResultType]::ParameterValue, 'The pipeline''s rate limits (rate:* sliding windows)')
            [CompletionResult]::new('doc', 'doc', [CompletionResultType]::ParameterValue, 'Act on documents: enqueue failed ones again')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Act on the Celery queues: peek at, purge, and requeue overdue messages')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'A throwaway pipeline-shaped Redis to try ldp on; Ctrl-C removes it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;completions' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;keys' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put back the keys a `--backup FILE` holds (RESTORE with their remaining TTLs)')
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
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--no-ttl', '--no-ttl', [CompletionResultType]::ParameterName, 'Only keys without an expiry')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Count keys and bytes per pattern (UUID-, number- and hash-like segments fold into *)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;keys;delete' {
            [CompletionResult]::new('--backup', '--backup', [CompletionResultType]::ParameterName, 'Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)')
            [CompletionResult]::new('--max-keys', '--max-keys', [CompletionResultType]::ParameterName, 'Abort, deleting nothing, when more than N keys match')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'SCAN COUNT hint per call')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count and show a sample; delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--include-protected', '--include-protected', [CompletionResultType]::ParameterName, 'Also delete Celery broker keys and ldp''s own keys')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;keys;audit' {
            [CompletionResult]::new('--fix-ttl', '--fix-ttl', [CompletionResultType]::ParameterName, 'Set a TTL on the keys of FAMILY that have none (needs --ttl)')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'The TTL --fix-ttl sets, e.g. 24h')
            [CompletionResult]::new('--unknown', '--unknown', [CompletionResultType]::ParameterName, 'Unknown-key patterns shown')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'SCAN COUNT hint per call')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --fix-ttl: count, change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --fix-ttl: do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --fix-ttl: do not ask (required off a terminal)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;keys;restore' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Overwrite keys that exist already (asks first; --yes off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Read the file and report what would be restored and which keys exist; write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required with --replace off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required with --replace off a terminal)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
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
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put back the keys a `--backup FILE` holds (RESTORE with their remaining TTLs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;keys;help;scan' {
            break
        }
        'ldp;keys;help;delete' {
            break
        }
        'ldp;keys;help;audit' {
            break
        }
        'ldp;keys;help;restore' {
            break
        }
        'ldp;keys;help;help' {
            break
        }
        'ldp;cache' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every key of the documents, by family, with type, TTL, size and pipeline status')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete the documents'' derived caches (bookkeeping only when named)')
            [CompletionResult]::new('families', 'families', [CompletionResultType]::ParameterValue, 'The key-family registry in use (embedded, plus --keyspace FILE)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;cache;show' {
            [CompletionResult]::new('--doc', '--doc', [CompletionResultType]::ParameterName, 'Document UUID (repeatable, or comma-separated)')
            [CompletionResult]::new('--docs-from', '--docs-from', [CompletionResultType]::ParameterName, 'Read document UUIDs from a file, one per line (''-'' for stdin)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'A project (UUID or integer id): its documents as ldp''s index and the pipeline''s values name them')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'With --project: also list the project''s documents from PostgreSQL (source_documents)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Print decoded values (JSON pretty-printed and truncated)')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'With --values: do not truncate')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;cache;clear' {
            [CompletionResult]::new('--doc', '--doc', [CompletionResultType]::ParameterName, 'Document UUID (repeatable, or comma-separated)')
            [CompletionResult]::new('--docs-from', '--docs-from', [CompletionResultType]::ParameterName, 'Read document UUIDs from a file, one per line (''-'' for stdin)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'A project (UUID or integer id): its documents as ldp''s index and the pipeline''s values name them')
            [CompletionResult]::new('--family', '--family', [CompletionResultType]::ParameterName, 'Families to clear (default: every derived-cache family); see `ldp cache families`')
            [CompletionResult]::new('--backup', '--backup', [CompletionResultType]::ParameterName, 'Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'With --project: also take the project''s documents from PostgreSQL (source_documents)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be deleted; delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Clear documents the pipeline is processing right now too')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;cache;families' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;cache;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every key of the documents, by family, with type, TTL, size and pipeline status')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete the documents'' derived caches (bookkeeping only when named)')
            [CompletionResult]::new('families', 'families', [CompletionResultType]::ParameterValue, 'The key-family registry in use (embedded, plus --keyspace FILE)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;cache;help;show' {
            break
        }
        'ldp;cache;help;clear' {
            break
        }
        'ldp;cache;help;families' {
            break
        }
        'ldp;cache;help;help' {
            break
        }
        'ldp;monitor' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'INFO memory, then keys and bytes per key family, and the biggest keys')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Keyspace hit rate, ops/s, and the pipeline''s cache metrics per type')
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'Celery queues: ready messages per priority list, unacked and overdue ones')
            [CompletionResult]::new('workers', 'workers', [CompletionResultType]::ParameterValue, 'Celery workers from Redis alone: status, pool, queues and the tasks they run')
            [CompletionResult]::new('clients', 'clients', [CompletionResultType]::ParameterValue, 'Connections by client host and by name/library (CLIENT LIST on every node and the broker)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;monitor;health' {
            [CompletionResult]::new('--latency-warn', '--latency-warn', [CompletionResultType]::ParameterName, 'PING latency that warns')
            [CompletionResult]::new('--latency-crit', '--latency-crit', [CompletionResultType]::ParameterName, 'PING latency that is critical')
            [CompletionResult]::new('--memory-warn', '--memory-warn', [CompletionResultType]::ParameterName, 'Percent of maxmemory used that warns')
            [CompletionResult]::new('--memory-crit', '--memory-crit', [CompletionResultType]::ParameterName, 'Percent of maxmemory used that is critical')
            [CompletionResult]::new('--clients-warn', '--clients-warn', [CompletionResultType]::ParameterName, 'Percent of maxclients connected that warns')
            [CompletionResult]::new('--clients-crit', '--clients-crit', [CompletionResultType]::ParameterName, 'Percent of maxclients connected that is critical')
            [CompletionResult]::new('--frag-warn', '--frag-warn', [CompletionResultType]::ParameterName, 'Fragmentation ratio that warns (only with --frag-min-mb wasted)')
            [CompletionResult]::new('--frag-min-mb', '--frag-min-mb', [CompletionResultType]::ParameterName, 'Wasted MiB (RSS minus used) below which fragmentation is not judged')
            [CompletionResult]::new('--queue-warn', '--queue-warn', [CompletionResultType]::ParameterName, 'Ready messages in one queue that warn')
            [CompletionResult]::new('--queue-crit', '--queue-crit', [CompletionResultType]::ParameterName, 'Ready messages in one queue that are critical')
            [CompletionResult]::new('--visibility-timeout', '--visibility-timeout', [CompletionResultType]::ParameterName, 'Unacked messages older than this are overdue: kombu redelivers them (default: the profile''s, else 1h)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Take two samples this far apart to judge evictions and rejected connections')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'With --deep: a document in flight longer than this is stuck')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks (comma-separated)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Skip these checks (comma-separated)')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to this file atomically (node_exporter textfile collector)')
            [CompletionResult]::new('--pool-size', '--pool-size', [CompletionResultType]::ParameterName, 'Connections one process may hold (the pipeline''s REDIS_MAX_CONNECTIONS; default: that variable, else 50); a host holding more is flagged')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also run the checks that scan: locks without TTL, stuck documents')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;monitor;memory' {
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'The N biggest keys')
            [CompletionResult]::new('--sample', '--sample', [CompletionResultType]::ParameterName, 'Measure MEMORY USAGE on about N keys and extrapolate per family')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'SCAN COUNT hint per call')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Measure every key (the default up to 1,000,000 keys)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;monitor;stats' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between the two INFO samples')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'How far back the pipeline''s per-minute cache metrics are summed')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh every DUR until Ctrl-C (in place on a terminal; one line per refresh with -o ndjson)')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'With --watch: stop after N refreshes')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;monitor;queues' {
            [CompletionResult]::new('--visibility-timeout', '--visibility-timeout', [CompletionResultType]::ParameterName, 'Unacked messages older than this are overdue: kombu redelivers them (default: the profile''s, else 1h)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh every DUR until Ctrl-C (in place on a terminal; one line per refresh with -o ndjson)')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'With --watch: stop after N refreshes')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--no-discover', '--no-discover', [CompletionResultType]::ParameterName, 'Only the configured queues: no scan for other queues bound in _kombu.binding.*')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;monitor;workers' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh every DUR until Ctrl-C (in place on a terminal; one line per refresh with -o ndjson)')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'With --watch: stop after N refreshes')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ldp;monitor;clients' {
            [CompletionResult]::new('--idle-over', '--idle-over', [CompletionResultType]::ParameterName, 'Connections idle longer than this are counted as idle')
            [CompletionResult]::new('--pool-size', '--pool-size', [CompletionResultType]::ParameterName, 'Connections one process may hold (the pipeline''s REDIS_MAX_CONNECTIONS; default: that variable, else 50); a host holding more is flagged')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;monitor;help' {
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'INFO memory, then keys and bytes per key family, and the biggest keys')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Keyspace hit rate, ops/s, and the pipeline''s cache metrics per type')
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'Celery queues: ready messages per priority list, unacked and overdue ones')
            [CompletionResult]::new('workers', 'workers', [CompletionResultType]::ParameterValue, 'Celery workers from Redis alone: status, pool, queues and the tasks they run')
            [CompletionResult]::new('clients', 'clients', [CompletionResultType]::ParameterValue, 'Connections by client host and by name/library (CLIENT LIST on every node and the broker)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;monitor;help;health' {
            break
        }
        'ldp;monitor;help;memory' {
            break
        }
        'ldp;monitor;help;stats' {
            break
        }
        'ldp;monitor;help;queues' {
            break
        }
        'ldp;monitor;help;workers' {
            break
        }
        'ldp;monitor;help;clients' {
            break
        }
        'ldp;monitor;help;help' {
            break
        }
        'ldp;config' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every setting ldp runs with and its source; secrets only as set/unset')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;config;show' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every setting ldp runs with and its source; secrets only as set/unset')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;config;help;show' {
            break
        }
        'ldp;config;help;help' {
            break
        }
        'ldp;doctor' {
            [CompletionResult]::new('--skew-warn', '--skew-warn', [CompletionResultType]::ParameterName, 'Clock skew between this machine and Redis above this is a WARNING')
            [CompletionResult]::new('--skew-crit', '--skew-crit', [CompletionResultType]::ParameterName, 'Clock skew above this is CRITICAL')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ldp;lock' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
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
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--no-ttl', '--no-ttl', [CompletionResultType]::ParameterName, 'Only locks without a TTL (they never expire)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
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
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
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
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--pass-secrets', '--pass-secrets', [CompletionResultType]::ParameterName, 'Pass the pipeline''s secret variables (REDIS_PW, DATABASE_URL, ...) on to CMD; by default they are removed from its environment')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
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
            [CompletionResult]::new('--backup', '--backup', [CompletionResultType]::ParameterName, 'Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the holder; break nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
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
        'ldp;import' {
            [CompletionResult]::new('--manifest', '--manifest', [CompletionResultType]::ParameterName, 'The pipeline''s manifest (metadata.base_path, files[].path ...); ''-'' reads stdin')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project''s UUID')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Celery queue of process_pdf_document')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Celery priority 0-9')
            [CompletionResult]::new('--as-batch', '--as-batch', [CompletionResultType]::ParameterName, 'Send scripts.batch_tasks.process_batch_* tasks with manifests instead')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Documents per batch task (with --as-batch)')
            [CompletionResult]::new('--path-template', '--path-template', [CompletionResultType]::ParameterName, 'file_path sent to the workers: {uuid} {ext} {name} {project}, e.g. s3://bucket/documents/{uuid}{ext}')
            [CompletionResult]::new('--batch-id', '--batch-id', [CompletionResultType]::ParameterName, 'This run''s batch id (ldp:batch:ID); default: a new UUID')
            [CompletionResult]::new('--batch-ttl', '--batch-ttl', [CompletionResultType]::ParameterName, 'How long ldp''s batch record (ldp:batch:ID and its document set) lives')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N documents per second')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only files matching this glob (repeatable)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip files matching this glob (repeatable)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Files hashed at once (default: the number of CPUs), and uploads at once (default 8)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL of the pipeline: run the whole intake (upload, register, enqueue). Env LDP_DATABASE_URL, else DATABASE_URL / DATABASE_URL_DIRECT')
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'Where documents go: NAME or s3://NAME (env S3_PRIMARY_DOCUMENT_BUCKET), or file:///DIR')
            [CompletionResult]::new('--s3-endpoint', '--s3-endpoint', [CompletionResultType]::ParameterName, 'An S3-compatible endpoint instead of AWS, e.g. http://127.0.0.1:9000')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Hash and plan, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before a large import on a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before a large import on a terminal')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop at the first unreadable file or failed upload')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ldp;batch' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every batch: the pipeline''s counters next to the truth from the documents'' states')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One batch: each document''s stage and status, and the batch''s errors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;batch;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N batches, newest first (a table shows 100 unless told)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;batch;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Also list the batch''s documents from PostgreSQL (source_documents of its import session)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Print whole error messages and tracebacks')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;batch;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every batch: the pipeline''s counters next to the truth from the documents'' states')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One batch: each document''s stage and status, and the batch''s errors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;batch;help;list' {
            break
        }
        'ldp;batch;help;show' {
            break
        }
        'ldp;batch;help;help' {
            break
        }
        'ldp;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries from the last DUR (e.g. 1h, 7d), by the server''s clock')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only this action (e.g. ''keys delete'', ''cache clear'')')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most the newest N entries')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ldp;rate' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every rate:* window: requests in it, its length, oldest and newest entry')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;rate;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'The limit (requests per window): adds how long until a slot frees')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;rate;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every rate:* window: requests in it, its length, oldest and newest entry')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;rate;help;list' {
            break
        }
        'ldp;rate;help;help' {
            break
        }
        'ldp;doc' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Enqueue process_pdf_document again for failed documents (never for one in flight)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;doc;retry' {
            [CompletionResult]::new('--doc', '--doc', [CompletionResultType]::ParameterName, 'Document UUID (repeatable, or comma-separated)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'With --failed: only this project''s documents (UUID or integer id)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'With --failed: only documents whose latest update is this recent')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'The queue the tasks go to')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Task priority 0-9')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Every document that has failed (a failed latest update or a permanent batch error)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be retried; enqueue nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;doc;help' {
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Enqueue process_pdf_document again for failed documents (never for one in flight)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;doc;help;retry' {
            break
        }
        'ldp;doc;help;help' {
            break
        }
        'ldp;queue' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('peek', 'peek', [CompletionResultType]::ParameterValue, 'The next ready messages in the order workers take them, decoded (read-only)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Remove a queue''s ready messages, or only one task''s (unacked ones are untouched)')
            [CompletionResult]::new('requeue-overdue', 'requeue-overdue', [CompletionResultType]::ParameterValue, 'Put unacked messages older than the visibility timeout back on their queues, as kombu does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;queue;peek' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many messages')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;queue;purge' {
            [CompletionResult]::new('--task', '--task', [CompletionResultType]::ParameterName, 'Only messages of this task (e.g. scripts.pdf_tasks.process_pdf_document)')
            [CompletionResult]::new('--backup', '--backup', [CompletionResultType]::ParameterName, 'Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be removed; remove nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;queue;requeue-overdue' {
            [CompletionResult]::new('--visibility-timeout', '--visibility-timeout', [CompletionResultType]::ParameterName, 'Unacked messages older than this go back (default: the profile''s, else 1h)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would go back; move nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required off a terminal)')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;queue;help' {
            [CompletionResult]::new('peek', 'peek', [CompletionResultType]::ParameterValue, 'The next ready messages in the order workers take them, decoded (read-only)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Remove a queue''s ready messages, or only one task''s (unacked ones are untouched)')
            [CompletionResult]::new('requeue-overdue', 'requeue-overdue', [CompletionResultType]::ParameterValue, 'Put unacked messages older than the visibility timeout back on their queues, as kombu does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;queue;help;peek' {
            break
        }
        'ldp;queue;help;purge' {
            break
        }
        'ldp;queue;help;requeue-overdue' {
            break
        }
        'ldp;queue;help;help' {
            break
        }
        'ldp;sandbox' {
            [CompletionResult]::new('--docs', '--docs', [CompletionResultType]::ParameterName, 'Documents to seed (every 20: 12 completed, 2 with legacy keys, 2 in flight, 1 stuck, 1 failed at OCR, 2 queued)')
            [CompletionResult]::new('--projects', '--projects', [CompletionResultType]::ParameterName, 'Projects the documents belong to')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port (with --cluster: N, N+1, N+2 and the broker on N+3; their cluster bus ports are +10000); default: free ports the kernel picks')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'A 3-primary Redis Cluster for the caches, and a standalone server for the Celery broker')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Run in the background until `ldp sandbox stop`')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the sandbox started with --detach: end its processes, remove its folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;sandbox;stop' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes')
            [CompletionResult]::new('--broker-url', '--broker-url', [CompletionResultType]::ParameterName, 'The Celery broker''s Redis (defaults to --url)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read the pipeline''s variables (REDIS_HOST, REDIS_PW, ...) from this .env file')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the Redis password from this file (wins over a password in the URL)')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the server''s certificate')
            [CompletionResult]::new('--keyspace', '--keyspace', [CompletionResultType]::ParameterName, 'Key-family registry file that extends or overrides the embedded one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: the command''s help lists the ones it offers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each Redis request, e.g. 500ms, 30s')
            [CompletionResult]::new('--queues', '--queues', [CompletionResultType]::ParameterName, 'The Celery queues, comma-separated (default: the pipeline''s nine)')
            [CompletionResult]::new('--priority-steps', '--priority-steps', [CompletionResultType]::ParameterName, 'kombu''s priority_steps: 0,3,6,9 (the default) or a range such as 0..9')
            [CompletionResult]::new('--priority-sep', '--priority-sep', [CompletionResultType]::ParameterName, 'kombu''s priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)')
            [CompletionResult]::new('--global-keyprefix', '--global-keyprefix', [CompletionResultType]::ParameterName, 'kombu''s global_keyprefix, if the deployment sets one')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also append each destructive run''s audit entry to this JSON-lines file')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate')
            [CompletionResult]::new('--require-audit', '--require-audit', [CompletionResultType]::ParameterName, 'Refuse a destructive run whose audit entry cannot be written (checked before any change)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quieter (no progress, no notes on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Louder (diagnostics on stderr); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ldp;sandbox;help' {
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the sandbox started with --detach: end its processes, remove its folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;sandbox;help;stop' {
            break
        }
        'ldp;sandbox;help;help' {
            break
        }
        'ldp;help' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Scan, size and delete keys by pattern')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Show and clear a document''s or a project''s cache; list the key families')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Health checks (Nagios/Prometheus), memory by key family, hit rates, Celery queues')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The effective settings and where each came from (flag, LDP_* variable, the pipeline''s variables, .env file, profile, default)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check that ldp can work here: servers, TLS, auth, versions, cluster slots, ACL, clock, broker layout')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'List, hold, run under and break distributed locks (redis-py Lock format)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Upload, register and enqueue documents for the pipeline''s Celery workers, exactly once')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'The pipeline''s batches and ldp''s import batches, with real progress')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The audit trail: who ran which destructive command, when, and what it changed')
            [CompletionResult]::new('rate', 'rate', [CompletionResultType]::ParameterValue, 'The pipeline''s rate limits (rate:* sliding windows)')
            [CompletionResult]::new('doc', 'doc', [CompletionResultType]::ParameterValue, 'Act on documents: enqueue failed ones again')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Act on the Celery queues: peek at, purge, and requeue overdue messages')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'A throwaway pipeline-shaped Redis to try ldp on; Ctrl-C removes it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ldp;help;completions' {
            break
        }
        'ldp;help;keys' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the keys matching a glob pattern (SCAN + batched UNLINK)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put back the keys a `--backup FILE` holds (RESTORE with their remaining TTLs)')
            break
        }
        'ldp;help;keys;scan' {
            break
        }
        'ldp;help;keys;delete' {
            break
        }
        'ldp;help;keys;audit' {
            break
        }
        'ldp;help;keys;restore' {
            break
        }
        'ldp;help;cache' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every key of the documents, by family, with type, TTL, size and pipeline status')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete the documents'' derived caches (bookkeeping only when named)')
            [CompletionResult]::new('families', 'families', [CompletionResultType]::ParameterValue, 'The key-family registry in use (embedded, plus --keyspace FILE)')
            break
        }
        'ldp;help;cache;show' {
            break
        }
        'ldp;help;cache;clear' {
            break
        }
        'ldp;help;cache;families' {
            break
        }
        'ldp;help;monitor' {
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN')
            [CompletionResult]::new('memory', 'memory', [CompletionResultType]::ParameterValue, 'INFO memory, then keys and bytes per key family, and the biggest keys')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Keyspace hit rate, ops/s, and the pipeline''s cache metrics per type')
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'Celery queues: ready messages per priority list, unacked and overdue ones')
            [CompletionResult]::new('workers', 'workers', [CompletionResultType]::ParameterValue, 'Celery workers from Redis alone: status, pool, queues and the tasks they run')
            [CompletionResult]::new('clients', 'clients', [CompletionResultType]::ParameterValue, 'Connections by client host and by name/library (CLIENT LIST on every node and the broker)')
            break
        }
        'ldp;help;monitor;health' {
            break
        }
        'ldp;help;monitor;memory' {
            break
        }
        'ldp;help;monitor;stats' {
            break
        }
        'ldp;help;monitor;queues' {
            break
        }
        'ldp;help;monitor;workers' {
            break
        }
        'ldp;help;monitor;clients' {
            break
        }
        'ldp;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every setting ldp runs with and its source; secrets only as set/unset')
            break
        }
        'ldp;help;config;show' {
            break
        }
        'ldp;help;doctor' {
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
        'ldp;help;import' {
            break
        }
        'ldp;help;batch' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every batch: the pipeline''s counters next to the truth from the documents'' states')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One batch: each document''s stage and status, and the batch''s errors')
            break
        }
        'ldp;help;batch;list' {
            break
        }
        'ldp;help;batch;show' {
            break
        }
        'ldp;help;audit' {
            break
        }
        'ldp;help;rate' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every rate:* window: requests in it, its length, oldest and newest entry')
            break
        }
        'ldp;help;rate;list' {
            break
        }
        'ldp;help;doc' {
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Enqueue process_pdf_document again for failed documents (never for one in flight)')
            break
        }
        'ldp;help;doc;retry' {
            break
        }
        'ldp;help;queue' {
            [CompletionResult]::new('peek', 'peek', [CompletionResultType]::ParameterValue, 'The next ready messages in the order workers take them, decoded (read-only)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Remove a queue''s ready messages, or only one task''s (unacked ones are untouched)')
            [CompletionResult]::new('requeue-overdue', 'requeue-overdue', [CompletionResultType]::ParameterValue, 'Put unacked messages older than the visibility timeout back on their queues, as kombu does')
            break
        }
        'ldp;help;queue;peek' {
            break
        }
        'ldp;help;queue;purge' {
            break
        }
        'ldp;help;queue;requeue-overdue' {
            break
        }
        'ldp;help;sandbox' {
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the sandbox started with --detach: end its processes, remove its folder')
            break
        }
        'ldp;help;sandbox;stop' {
            break
        }
        'ldp;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
