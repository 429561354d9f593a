//! What each command offers besides its flags, defined once: the output
//! formats it renders (checked before it runs, listed in its `--help`) and
//! the examples its `--help` ends with.

use crate::output::OutputFormat::{self, Json, Nagios, Ndjson, Prometheus, Table};

/// One command's formats and examples, by its path (`keys scan`).
pub struct Meta {
    pub path: &'static str,
    pub formats: &'static [OutputFormat],
    pub examples: &'static [(&'static str, &'static str)],
}

const STREAM: &[OutputFormat] = &[Table, Json, Ndjson];
const REPORT: &[OutputFormat] = &[Table, Json];

pub const COMMANDS: &[Meta] = &[
    Meta {
        path: "keys scan",
        formats: STREAM,
        examples: &[
            (
                "ldp keys scan 'cache:doc:*'",
                "every cached document key, one per line",
            ),
            (
                "ldp keys scan 'doc:*' --group",
                "keys and bytes per pattern",
            ),
            ("ldp keys scan '*' --top 20", "the 20 biggest keys"),
            (
                "ldp keys scan 'lock:*' --no-ttl --fields ttl,type",
                "locks that never expire",
            ),
        ],
    },
    Meta {
        path: "keys delete",
        formats: STREAM,
        examples: &[
            (
                "ldp keys delete 'tmp:*' --dry-run",
                "count and show a sample; delete nothing",
            ),
            (
                "ldp keys delete 'tmp:*'",
                "ask on the terminal, then delete",
            ),
            (
                "ldp keys delete 'tmp:*' --yes --max-keys 10000",
                "from cron: refuse if more match",
            ),
            (
                "ldp keys delete 'tmp:*' --backup tmp.ldpb",
                "keep what is deleted; `ldp keys restore tmp.ldpb` puts it back",
            ),
        ],
    },
    Meta {
        path: "keys audit",
        formats: REPORT,
        examples: &[
            (
                "ldp keys audit",
                "keys, bytes and TTLs per key family; keys in no family",
            ),
            (
                "ldp keys audit --fix-ttl state --ttl 7d --dry-run",
                "how many keys would get a TTL",
            ),
        ],
    },
    Meta {
        path: "keys restore",
        formats: REPORT,
        examples: &[
            (
                "ldp keys restore before-clear.ldpb --dry-run",
                "what would come back; which keys exist already",
            ),
            (
                "ldp keys restore before-clear.ldpb",
                "put every key back with its remaining TTL; existing keys are left alone",
            ),
            (
                "ldp keys restore before-clear.ldpb --replace --yes",
                "overwrite keys that exist",
            ),
        ],
    },
    Meta {
        path: "cache show",
        formats: STREAM,
        examples: &[
            (
                "ldp cache show --doc 0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab",
                "a document's keys",
            ),
            (
                "ldp cache show --doc D --values",
                "with their decoded values",
            ),
            ("ldp cache show --project 42", "every document of a project"),
        ],
    },
    Meta {
        path: "cache clear",
        formats: STREAM,
        examples: &[
            ("ldp cache clear --doc D --dry-run", "what would be deleted"),
            (
                "ldp cache clear --doc D --family ocr,chunks",
                "only those families",
            ),
            (
                "ldp cache clear --docs-from failed.txt --yes",
                "from a file, without asking",
            ),
        ],
    },
    Meta {
        path: "cache families",
        formats: REPORT,
        examples: &[
            ("ldp cache families", "the key families and their templates"),
            ("ldp cache families -o json", "with TTLs and descriptions"),
        ],
    },
    Meta {
        path: "monitor health",
        formats: &[Table, Json, Ndjson, Nagios, Prometheus],
        examples: &[
            (
                "ldp monitor health",
                "every check, exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN",
            ),
            (
                "ldp monitor health -o nagios --memory-warn 85",
                "as a Nagios plugin",
            ),
            (
                "ldp monitor health -o prometheus --output-file /var/lib/node_exporter/ldp.prom",
                "for node_exporter's textfile collector",
            ),
            (
                "ldp monitor health --deep --stuck-after 1h",
                "also stuck documents and locks",
            ),
        ],
    },
    Meta {
        path: "monitor memory",
        formats: REPORT,
        examples: &[
            (
                "ldp monitor memory",
                "memory per key family and the biggest keys",
            ),
            (
                "ldp monitor memory --sample 10000",
                "estimate from a sample on a large keyspace",
            ),
        ],
    },
    Meta {
        path: "monitor stats",
        formats: STREAM,
        examples: &[
            ("ldp monitor stats", "hit rates and ops/s over one second"),
            ("ldp monitor stats --watch 5s", "refresh every 5 seconds"),
        ],
    },
    Meta {
        path: "monitor queues",
        formats: STREAM,
        examples: &[
            (
                "ldp monitor queues",
                "ready, unacked and overdue messages per queue",
            ),
            (
                "ldp monitor queues --watch 2s -o ndjson",
                "one JSON line per refresh",
            ),
        ],
    },
    Meta {
        path: "monitor workers",
        formats: STREAM,
        examples: &[
            (
                "ldp monitor workers",
                "every worker: pool, queues, running tasks and their documents",
            ),
            (
                "ldp monitor workers --watch 2s",
                "refresh in place, with task rates; missing workers stay listed",
            ),
            (
                "ldp monitor workers -o json --timeout 3s",
                "wait up to 3 s for slow workers' replies",
            ),
        ],
    },
    Meta {
        path: "monitor clients",
        formats: REPORT,
        examples: &[
            (
                "ldp monitor clients",
                "connections per client host and per name/library, every node",
            ),
            (
                "ldp monitor clients --idle-over 1h -o json",
                "as JSON, counting connections idle over an hour",
            ),
        ],
    },
    Meta {
        path: "config show",
        formats: REPORT,
        examples: &[
            (
                "ldp config show",
                "every setting, its value and where it came from",
            ),
            (
                "ldp --profile prod --env-file .env config show -o json",
                "what a profile and a .env file resolve to, for scripts",
            ),
        ],
    },
    Meta {
        path: "doctor",
        formats: &[Table, Json, Nagios],
        examples: &[
            ("ldp doctor", "every check with a hint; exit 0/1/2/3"),
            (
                "ldp --profile prod doctor -o json",
                "the verdicts for a script",
            ),
        ],
    },
    Meta {
        path: "lock list",
        formats: STREAM,
        examples: &[
            ("ldp lock list", "every lock with its holder and TTL"),
            ("ldp lock list --no-ttl", "locks that never expire"),
        ],
    },
    Meta {
        path: "lock hold",
        formats: STREAM,
        examples: &[("ldp lock hold maintenance --ttl 5m", "hold until Ctrl-C")],
    },
    Meta {
        path: "lock run",
        formats: STREAM,
        examples: &[
            (
                "ldp lock run nightly -- ./job.sh",
                "run the job only if no one else is",
            ),
            (
                "ldp lock run nightly --wait 10m -- ./job.sh",
                "wait up to 10 minutes for the lock",
            ),
        ],
    },
    Meta {
        path: "lock break",
        formats: STREAM,
        examples: &[
            ("ldp lock break nightly --dry-run", "show the holder"),
            (
                "ldp lock break --key cache:doc:lock:D --yes",
                "break a document lock",
            ),
        ],
    },
    Meta {
        path: "import",
        formats: STREAM,
        examples: &[
            (
                "ldp import ./batch-42 --project P --dry-run",
                "hash and plan; write nothing",
            ),
            (
                "ldp import ./batch-42 --project P --env-file .env",
                "the whole intake",
            ),
            (
                "ldp import --manifest m.json --project P --as-batch normal",
                "as batch tasks",
            ),
        ],
    },
    Meta {
        path: "batch list",
        formats: REPORT,
        examples: &[("ldp batch list", "every batch with real progress")],
    },
    Meta {
        path: "batch show",
        formats: REPORT,
        examples: &[(
            "ldp batch show 7d1e2f3a --full",
            "one batch, with whole errors",
        )],
    },
    Meta {
        path: "audit",
        formats: STREAM,
        examples: &[
            ("ldp audit --since 1d", "destructive runs of the last day"),
            (
                "ldp audit --action 'cache clear' -o json",
                "every cache clear, as JSON",
            ),
        ],
    },
    Meta {
        path: "rate list",
        formats: REPORT,
        examples: &[("ldp rate list --limit 60", "windows, and when a slot frees")],
    },
    Meta {
        path: "doc retry",
        formats: REPORT,
        examples: &[
            (
                "ldp doc retry --failed --since 24h --dry-run",
                "what failed today",
            ),
            (
                "ldp doc retry --doc 0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab --yes",
                "one document again",
            ),
        ],
    },
    Meta {
        path: "queue peek",
        formats: REPORT,
        examples: &[("ldp queue peek default --limit 20", "the next 20 tasks")],
    },
    Meta {
        path: "queue purge",
        formats: REPORT,
        examples: &[
            ("ldp queue purge ocr --dry-run", "count what would go"),
            (
                "ldp queue purge default --task scripts.pdf_tasks.process_pdf_document --yes",
                "drop one task's messages",
            ),
        ],
    },
    Meta {
        path: "queue requeue-overdue",
        formats: REPORT,
        examples: &[
            (
                "ldp queue requeue-overdue --dry-run",
                "what a dead worker held",
            ),
            (
                "ldp queue requeue-overdue --visibility-timeout 10m --yes",
                "put it back now",
            ),
        ],
    },
    Meta {
        path: "sandbox",
        formats: REPORT,
        examples: &[
            (
                "ldp sandbox",
                "a seeded redis-server until Ctrl-C; run ldp against it from another terminal",
            ),
            (
                "eval \"$(ldp sandbox --detach)\"",
                "in the background, LDP_REDIS_URL set in this shell",
            ),
            (
                "ldp sandbox --cluster --docs 10000",
                "a 3-primary cluster (and a broker) with 10,000 documents",
            ),
        ],
    },
    Meta {
        path: "sandbox stop",
        formats: REPORT,
        examples: &[(
            "ldp sandbox stop",
            "end the detached sandbox; nothing is left behind",
        )],
    },
];

/// The metadata of a command, by its path.
pub fn of(path: &str) -> Option<&'static Meta> {
    COMMANDS.iter().find(|m| m.path == path)
}
