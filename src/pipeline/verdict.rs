//! Where a document stands, judged from its state the way the pipeline
//! really writes it: a failed OCR poll leaves `pipeline.status: processing`
//! with `last_update: {stage: ocr, status: failed}` and a permanent batch
//! error. So a failed latest update, or a permanent batch error, means
//! failed, whatever `pipeline.status` says; such a document is not in flight.

use serde::Serialize;
use serde_json::Value as Json;

use super::stored::json_path;

/// A document's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Failed,
    InFlight,
    Other,
    NotStarted,
    Done,
}

impl Standing {
    pub fn name(self) -> &'static str {
        match self {
            Standing::Done => "done",
            Standing::Failed => "failed",
            Standing::InFlight => "in flight",
            Standing::NotStarted => "not started",
            Standing::Other => "other",
        }
    }
}

/// Which fact decided the standing (shown, so an operator can check it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// No state key.
    NoState,
    /// `pipeline.status`.
    PipelineStatus,
    /// `last_update.status` is `failed`.
    LastUpdate,
    /// A `batch:error` with `category: permanent`.
    PermanentError,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::NoState => "no state",
            Rule::PipelineStatus => "pipeline.status",
            Rule::LastUpdate => "last_update.status",
            Rule::PermanentError => "permanent batch error",
        }
    }
}

/// Judge a document from its state value (None: no state key), the path of
/// its status, and whether a permanent batch error names it.
pub fn judge(state: Option<&Json>, status_path: &str, permanent_error: bool) -> (Standing, Rule) {
    let status = state
        .and_then(|s| json_path(s, status_path))
        .and_then(|s| s.as_str().map(str::to_string));
    match status.as_deref() {
        Some("completed") => return (Standing::Done, Rule::PipelineStatus),
        Some("failed") => return (Standing::Failed, Rule::PipelineStatus),
        _ => {}
    }
    if permanent_error {
        return (Standing::Failed, Rule::PermanentError);
    }
    let Some(state) = state else {
        return (Standing::NotStarted, Rule::NoState);
    };
    let last = json_path(state, "last_update.status");
    if last.as_deref().and_then(Json::as_str) == Some("failed") {
        return (Standing::Failed, Rule::LastUpdate);
    }
    match status.as_deref() {
        Some("starting" | "processing") => (Standing::InFlight, Rule::PipelineStatus),
        _ => (Standing::Other, Rule::PipelineStatus),
    }
}

/// Whether a `batch:error` value is permanent (the pipeline gives up).
pub fn is_permanent(error: &Json) -> bool {
    json_path(error, "category")
        .as_deref()
        .and_then(Json::as_str)
        .is_some_and(|c| c.eq_ignore_ascii_case("permanent"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PATH: &str = "pipeline.status";

    #[test]
    fn a_failed_ocr_poll_is_failed_not_in_flight() {
        let s = json!({"pipeline": {"status": "processing"}, "ocr": {"status": "failed"},
                       "last_update": {"stage": "ocr", "status": "failed"}});
        assert_eq!(
            judge(Some(&s), PATH, false),
            (Standing::Failed, Rule::LastUpdate)
        );
        let s = json!({"pipeline": {"status": "processing"},
                       "last_update": {"stage": "ocr", "status": "in_progress"}});
        assert_eq!(
            judge(Some(&s), PATH, false),
            (Standing::InFlight, Rule::PipelineStatus)
        );
        assert_eq!(
            judge(Some(&s), PATH, true),
            (Standing::Failed, Rule::PermanentError)
        );
        let s = json!({"pipeline": {"status": "completed"}});
        assert_eq!(judge(Some(&s), PATH, true).0, Standing::Done);
        assert_eq!(
            judge(None, PATH, false),
            (Standing::NotStarted, Rule::NoState)
        );
        assert!(is_permanent(&json!({"category": "permanent"})));
        assert!(!is_permanent(&json!({"category": "transient"})));
    }
}
