//! Statistics of the benchmarks: percentiles of timings and the process's
//! peak memory.

use serde_json::json;

/// Peak resident set size of this process, in bytes (Linux).
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    if sorted_ms.is_empty() {
        return 0.0;
    }
    let idx = ((sorted_ms.len() as f64 - 1.0) * p).round() as usize;
    sorted_ms[idx.min(sorted_ms.len() - 1)]
}

pub fn summary(mut ms: Vec<f64>) -> serde_json::Value {
    ms.sort_by(f64::total_cmp);
    json!({"n": ms.len(), "p50": percentile(&ms, 0.5), "p95": percentile(&ms, 0.95), "p99": percentile(&ms, 0.99), "max": ms.last().copied().unwrap_or(0.0)})
}
