//! The HTTP API end to end: a real server on a random port, spoken to over
//! HTTP. One binary, one module per API family.

mod concurrency;
mod contract;
mod data_rights;
mod edges;
mod helpers;
mod job_candidates;
mod leads;
mod openapi;
mod pools;
mod profiles;
mod searches;
mod snapshots;
mod sourcings;
mod talents;
mod web;
