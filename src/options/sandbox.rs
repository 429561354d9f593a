//! `ldp sandbox`: clap's arguments into plain options.

use anyhow::Result;

use crate::cli::SandboxArgs;
use crate::commands::sandbox::StartOptions;
use crate::error::LdpError;

/// The highest first port of a cluster sandbox: four servers, and the
/// cluster bus ports 10000 above.
const CLUSTER_MAX_PORT: u16 = u16::MAX - 10_000 - 3;

/// `sandbox`: a port that leaves room for every server the sandbox starts.
pub fn start(a: SandboxArgs) -> Result<StartOptions> {
    if let Some(p) = a.port {
        if a.cluster && p > CLUSTER_MAX_PORT {
            return Err(LdpError::usage(format!(
                "invalid --port {p} with --cluster: at most {CLUSTER_MAX_PORT} (ports N..N+3 and \
                 their cluster bus ports N+10000.. must exist)"
            )));
        }
        if !a.cluster && p > u16::MAX - 1 {
            return Err(LdpError::usage(format!("invalid --port {p}")));
        }
    }
    if a.supervise.is_some() && a.detach {
        return Err(LdpError::usage(
            "--supervise is --detach's own; give one of them",
        ));
    }
    Ok(StartOptions {
        docs: a.docs as usize,
        projects: a.projects as usize,
        cluster: a.cluster,
        port: a.port,
        detach: a.detach,
        supervise: a.supervise,
    })
}
