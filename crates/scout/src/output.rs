//! Printing results for people (text) or scripts (`--json`).

use indicatif::{ProgressBar, ProgressStyle};
use scout_ingest::Progress;

/// Prints `value` as pretty JSON on standard output.
pub fn json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// A byte-based progress bar with a record rate, drawn on standard error
/// (hidden when standard error is not a terminal).
pub struct Bar(ProgressBar);

impl Bar {
    pub fn new() -> Bar {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {prefix} [{bar:30}] {bytes}/{total_bytes} {msg} ({eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        Bar(bar)
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn start_file(&self, name: &str, total_bytes: u64) {
        self.0.set_prefix(name.to_owned());
        self.0.set_length(total_bytes);
        self.0.set_position(0);
        self.0.reset_eta();
    }

    fn advance(&self, bytes: u64, records: u64) {
        self.0.inc(bytes);
        let done = self
            .0
            .message()
            .split(' ')
            .next()
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0)
            + records;
        let secs = self.0.elapsed().as_secs_f64().max(0.001);
        self.0
            .set_message(format!("{done} records, {:.0}/s", done as f64 / secs));
    }
}
