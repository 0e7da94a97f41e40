//! How sourcings and candidates look on the wire: Kalent's camelCase
//! `{candidate, talent}` rows and Hirempire's snake_case candidate objects,
//! both rendered from the same stored candidate.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use scout_store::{Candidate, CandidateEvent, Sourcing};
use serde_json::{json, Value};

use crate::limits::LimitHeaders;

/// Unix milliseconds as `2026-05-19T09:00:00.000Z`.
pub(crate) fn iso(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// A successful Kalent-style answer: `{success: true, data}` with the
/// caller's rate-limit headers.
pub(crate) fn ok(status: StatusCode, headers: LimitHeaders, data: Value) -> Response {
    let mut response = (status, Json(json!({"success": true, "data": data}))).into_response();
    for (k, v) in headers {
        response.headers_mut().insert(k, v);
    }
    response
}

/// A sourcing project.
pub(crate) fn sourcing(s: &Sourcing) -> Value {
    json!({
        "id": s.id,
        "title": s.title,
        "description": s.description,
        "location": s.location,
        "salary": s.salary,
        "requirements": s.requirements,
        "status": if s.archived_at.is_some() { "ARCHIVED" } else { "ACTIVE" },
        "candidateCount": s.candidate_count,
        "createdAt": iso(s.created_at),
        "updatedAt": iso(s.updated_at),
        "archivedAt": s.archived_at.map(iso),
    })
}

fn fit(c: &Candidate) -> Value {
    match &c.fit {
        Some((f, _)) => json!({
            "score": f.score,
            "matchPercentage": f.match_percentage,
            "decision": f.decision.as_str(),
            "summary": f.summary,
        }),
        None => Value::Null,
    }
}

/// The documented `candidate` part of a row, and what a pipeline view needs besides.
pub(crate) fn candidate(c: &Candidate) -> Value {
    json!({
        "id": c.id,
        "statusHandle": c.stage.handle(),
        "createdAt": iso(c.created_at),
        "sourcingId": c.sourcing_id,
        "talentId": c.talent_id,
        "type": c.kind.as_str(),
        "userRating": c.user_rating,
        "contacts": c.contacts,
        "lastActivityAt": iso(c.last_activity_at),
        "source": c.source,
        "email": c.profile.email,
        "phoneNumber": c.profile.phone,
        "cvUrl": c.profile.cv_url,
        "nationality": c.profile.nationality,
        "salaryExpectation": c.salary_expectation,
        "fit": fit(c),
    })
}

/// The documented `talent` summary of a row (from the candidate's snapshot).
pub(crate) fn talent_summary(c: &Candidate) -> Value {
    json!({
        "id": c.talent_id,
        "firstname": c.profile.firstname,
        "lastname": c.profile.lastname,
        "jobTitle": c.profile.job_title,
        "city": c.profile.city,
        "linkedinUrl": c.profile.linkedin_url,
        "companyName": c.profile.company_name,
        "photoUrl": c.profile.photo_url,
    })
}

/// A `{candidate, talent}` row.
pub(crate) fn row(c: &Candidate) -> Value {
    json!({"candidate": candidate(c), "talent": talent_summary(c)})
}

/// A history entry.
pub(crate) fn event(e: &CandidateEvent) -> Value {
    json!({
        "id": e.id,
        "at": iso(e.at),
        "actor": e.actor,
        "kind": e.kind,
        "from": e.from,
        "to": e.to,
        "detail": e.detail,
    })
}

/// Years rounded to one decimal, whole numbers without a fraction.
fn years(y: f64) -> Value {
    let r = (y * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        json!(r as i64)
    } else {
        json!(r)
    }
}

/// A Hirempire candidate object.
pub(crate) fn job_candidate(c: &Candidate, job: &Sourcing) -> Value {
    let (summary, score, decision, matched) = match &c.fit {
        Some((f, _)) => (
            json!(f.summary),
            json!(f.score),
            json!(f.decision.as_str()),
            json!(f.match_percentage),
        ),
        None => (Value::Null, Value::Null, Value::Null, Value::Null),
    };
    json!({
        "id": c.id,
        "applied_at": iso(c.created_at),
        "type": c.kind.as_str(),
        "name": c.profile.full_name(),
        "email": c.profile.email,
        "phone_number": c.profile.phone,
        "linkedin_url": c.profile.linkedin_url,
        "cv_url": c.profile.cv_url,
        "photo_url": c.profile.photo_url,
        "source": c.source,
        "status": c.stage.job_status(),
        "nationality": c.profile.nationality,
        "location": c.profile.city,
        "experience_years": c.profile.experience_years.or(c.stated_years).map(years),
        "salary_expectation": c.salary_expectation,
        "job_id": job.id,
        "job_title": job.title,
        "ai_summary": summary,
        "ai_score": score,
        "ai_decision": decision,
        "ai_match_percentage": matched,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_have_milliseconds_and_zulu() {
        assert_eq!(iso(1_779_181_200_000), "2026-05-19T09:00:00.000Z");
        assert_eq!(iso(1_779_181_200_123), "2026-05-19T09:00:00.123Z");
    }
}
