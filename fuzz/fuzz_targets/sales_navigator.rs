//! Any text as a URL or as its `query`: the reader never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let _ = scout_query::sales_navigator::parse_sales_navigator_url(data);
    let url = format!("https://www.linkedin.com/sales/search/people?query={data}");
    let _ = scout_query::sales_navigator::parse_sales_navigator_url(&url);
});
