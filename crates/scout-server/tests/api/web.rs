//! The web app over HTTP, as a browser speaks to it (cookies, forms,
//! redirects): sign-in and its protections, sessions, the search page, and
//! what another workspace's person sees. The flows in a real browser are
//! in the browser tests.

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use scout_store::{NewPerson, Role};

use crate::helpers::{spawn_app, TestApp};

const PASSWORD: &str = "correct horse battery";

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap()
}

async fn person(app: &TestApp, workspace: &str, email: &str, role: Role) {
    let hash = scout_server::web::password::hash_password(PASSWORD).unwrap();
    app.store
        .create_person(&NewPerson {
            workspace: workspace.into(),
            email: email.into(),
            role,
            password_hash: hash,
        })
        .await
        .unwrap();
}

/// `name=value` of a `Set-Cookie` named `name`, and the whole header.
fn set_cookie(res: &reqwest::Response, name: &str) -> Option<(String, String)> {
    res.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let pair = v.split(';').next()?.trim();
            pair.starts_with(&format!("{name}="))
                .then(|| (pair.to_owned(), v.to_owned()))
        })
}

/// The sign-in page's form token and its cookie.
async fn form(app: &TestApp) -> (String, String) {
    let res = client()
        .get(format!("{}/sign-in", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (cookie, _) = set_cookie(&res, "scout_form").expect("the form is bound to a cookie");
    let html = res.text().await.unwrap();
    let token = html
        .split("name=\"_csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    (token, cookie)
}

async fn sign_in_as(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    let (token, cookie) = form(app).await;
    client()
        .post(format!("{}/sign-in", app.address))
        .header(COOKIE, cookie)
        .form(&[
            ("email", email),
            ("password", password),
            ("_csrf", &token),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap()
}

/// A signed-in person's session cookie (`scout_session=…`).
async fn session(app: &TestApp, email: &str) -> String {
    let res = sign_in_as(app, email, PASSWORD).await;
    assert_eq!(
        res.status(),
        303,
        "{}",
        res.text().await.unwrap_or_default()
    );
    set_cookie(&res, "scout_session").unwrap().0
}

fn csrf_of(html: &str) -> String {
    html.split("name=\"_csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn signing_in_gives_a_protected_cookie_and_signing_out_ends_it() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Recruiter).await;

    let anonymous = client()
        .get(format!("{}/?q=python", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 303);
    assert_eq!(
        anonymous.headers()[LOCATION],
        "/sign-in?next=%2F%3Fq%3Dpython"
    );

    let wrong = sign_in_as(&app, "ada@example.com", "not the password").await;
    assert_eq!(wrong.status(), 401);
    assert!(set_cookie(&wrong, "scout_session").is_none());
    let page = wrong.text().await.unwrap();
    assert!(
        page.contains("do not match an account") && page.contains("value=\"ada@example.com\""),
        "what was typed is kept"
    );
    let unknown = sign_in_as(&app, "nobody@example.com", PASSWORD).await;
    assert_eq!(
        unknown.status(),
        401,
        "an unknown e-mail reads like a wrong password"
    );

    let res = sign_in_as(&app, "ADA@example.com", PASSWORD).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()[LOCATION], "/");
    let (cookie, header) = set_cookie(&res, "scout_session").unwrap();
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
        assert!(header.contains(flag), "{header} lacks {flag}");
    }
    assert!(
        !header.contains("Secure"),
        "plain HTTP: a Secure cookie would never come back"
    );
    let home = client()
        .get(format!("{}/", app.address))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(home.status(), 200);
    let html = home.text().await.unwrap();
    assert!(html.contains("ada@example.com") && html.contains("acme"));

    // a sign-out needs the session's form token
    let forged = client()
        .post(format!("{}/sign-out", app.address))
        .header(COOKIE, &cookie)
        .form(&[("_csrf", "guess")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    let still = client()
        .get(format!("{}/", app.address))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(still.status(), 200);
    let out = client()
        .post(format!("{}/sign-out", app.address))
        .header(COOKIE, &cookie)
        .form(&[("_csrf", csrf_of(&html).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    let after = client()
        .get(format!("{}/", app.address))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 303, "the ended session opens nothing");
}

#[tokio::test]
async fn behind_https_the_cookie_is_secure() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Viewer).await;
    let (token, cookie) = form(&app).await;
    let res = client()
        .post(format!("{}/sign-in", app.address))
        .header(COOKIE, cookie)
        .header("x-forwarded-proto", "https")
        .form(&[
            ("email", "ada@example.com"),
            ("password", PASSWORD),
            ("_csrf", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    let (_, header) = set_cookie(&res, "scout_session").unwrap();
    assert!(header.ends_with("; Secure"), "{header}");
}

#[tokio::test]
async fn forged_and_cross_site_sign_ins_are_refused() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Recruiter).await;
    let post = |cookie: Option<String>, token: &str, origin: Option<&str>| {
        let mut req = client().post(format!("{}/sign-in", app.address)).form(&[
            ("email", "ada@example.com"),
            ("password", PASSWORD),
            ("_csrf", token),
        ]);
        if let Some(c) = cookie {
            req = req.header(COOKIE, c);
        }
        if let Some(o) = origin {
            req = req.header("origin", o);
        }
        req.send()
    };
    let (token, cookie) = form(&app).await;
    assert_eq!(
        post(None, &token, None).await.unwrap().status(),
        403,
        "no form cookie"
    );
    assert_eq!(
        post(Some(cookie.clone()), "other", None)
            .await
            .unwrap()
            .status(),
        403,
        "token of another form"
    );
    let cross = post(Some(cookie.clone()), &token, Some("http://evil.example"))
        .await
        .unwrap();
    assert_eq!(cross.status(), 403, "a form posted from another site");
    assert!(cross.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let same = post(Some(cookie), &token, Some(&app.address))
        .await
        .unwrap();
    assert_eq!(same.status(), 303);
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Recruiter).await;
    for _ in 0..10 {
        let res = sign_in_as(&app, "ada@example.com", "wrong password!").await;
        assert_eq!(res.status(), 401);
    }
    let locked = sign_in_as(&app, "ada@example.com", PASSWORD).await;
    assert_eq!(
        locked.status(),
        429,
        "even the right password waits out the window"
    );
    assert!(locked
        .text()
        .await
        .unwrap()
        .contains("Too many failed attempts"));
}

#[tokio::test]
async fn the_search_page_reads_the_prompt_and_explains_each_card() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Viewer).await;
    let cookie = session(&app, "ada@example.com").await;
    let get = |q: &str| {
        client()
            .get(format!(
                "{}/?q={}",
                app.address,
                form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
            ))
            .header(COOKIE, &cookie)
            .send()
    };
    let res = get("React developers in Paris").await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("class=\"chips\""), "the reading is shown");
    assert!(
        html.contains("Marie Dupont"),
        "the React developer in Paris is found: {html}"
    );
    assert!(
        html.contains("class=\"met\""),
        "with the evidence of what matched"
    );
    // the prompt is escaped where it is shown again
    let res = get("<script>alert(1)</script> engineers").await.unwrap();
    let html = res.text().await.unwrap();
    assert!(!html.contains("<script>alert(1)</script>") && html.contains("&lt;script&gt;"));
    let nothing = get("the of and").await.unwrap();
    assert_eq!(nothing.status(), 400);
    let html = nothing.text().await.unwrap();
    assert!(
        html.contains("role=\"alert\"") && html.contains("value=\"the of and\""),
        "the problem is shown and the text kept"
    );
}

#[tokio::test]
async fn only_a_path_of_this_site_is_followed_after_sign_in() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Recruiter).await;
    for (next, expected) in [
        ("/?q=go", "/?q=go"),
        ("//evil.example/x", "/"),
        ("https://evil.example", "/"),
    ] {
        let (token, cookie) = form(&app).await;
        let res = client()
            .post(format!("{}/sign-in", app.address))
            .header(COOKIE, cookie)
            .form(&[
                ("email", "ada@example.com"),
                ("password", PASSWORD),
                ("_csrf", token.as_str()),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()[LOCATION], expected, "next={next}");
    }
}

/// `GET path` with a session: status and page.
async fn page(app: &TestApp, cookie: &str, path: &str) -> (u16, String) {
    let res = client()
        .get(format!("{}{path}", app.address))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// `POST path` with a session, the form's token and same-site headers.
async fn post(
    app: &TestApp,
    cookie: &str,
    csrf: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let mut form: Vec<(&str, &str)> = vec![("_csrf", csrf)];
    form.extend_from_slice(fields);
    let res = client()
        .post(format!("{}{path}", app.address))
        .header(COOKIE, cookie)
        .header("origin", &app.address)
        .form(&form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// `POST /leads` with a session, a token and files (name, bytes) as the
/// upload form sends them: status and page.
async fn upload(
    app: &TestApp,
    cookie: &str,
    csrf: &str,
    files: &[(&str, Vec<u8>)],
) -> (u16, String) {
    let mut form = reqwest::multipart::Form::new().text("_csrf", csrf.to_owned());
    for (name, bytes) in files {
        form = form.part(
            "files",
            reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.to_string()),
        );
    }
    let res = client()
        .post(format!("{}/leads", app.address))
        .header(COOKIE, cookie)
        .header("origin", &app.address)
        .multipart(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The id of the first lead a page links to.
fn first_lead(page: &str) -> String {
    page.split("href=\"/leads/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn every_page_keeps_to_its_workspace_and_every_change_to_writers() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Recruiter).await;
    person(&app, "acme", "vic@example.com", Role::Viewer).await;
    person(&app, "globex", "gus@example.com", Role::Admin).await;
    let ada = session(&app, "ada@example.com").await;
    let (_, home) = page(&app, &ada, "/").await;
    let ada_csrf = csrf_of(&home);

    // Ada: a project with a candidate, a list, a lead, a search
    let (status, _) = post(
        &app,
        &ada,
        &ada_csrf,
        "/projects",
        &[("title", "Backend Lyon")],
    )
    .await;
    assert_eq!(status, 303);
    let (_, projects) = page(&app, &ada, "/projects").await;
    let project = projects
        .split("href=\"/projects/src_")
        .nth(1)
        .map(|s| format!("src_{}", s.split('"').next().unwrap()))
        .expect("the project is listed");
    let (status, _) = post(
        &app,
        &ada,
        &ada_csrf,
        "/projects/add",
        &[("project", &project), ("talent", "t01")],
    )
    .await;
    assert_eq!(status, 303);
    let (_, board) = page(&app, &ada, &format!("/projects/{project}")).await;
    let candidate = board
        .split("/candidates/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let (status, _) = post(
        &app,
        &ada,
        &ada_csrf,
        "/lists/add",
        &[
            ("list", "new"),
            ("new_name", "Ada's list"),
            ("talent", "t01"),
            ("talent", "t02"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, lists) = page(&app, &ada, "/lists").await;
    let list = lists
        .split("href=\"/lists/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let (_, results) = page(&app, &ada, "/?q=engineers+in+France").await;
    let search = results
        .split("/searches/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    // the upload without the script: three files in one form, one broken
    let text_cv = "Marie Dupont\nSenior Software Engineer\nmarie@example.com\n+33 6 12 34 56 78\nParis, France\n\nSkills\nReact, TypeScript\n";
    let jean_cv = text_cv
        .replace("Marie Dupont", "Jean Martin")
        .replace("marie@", "jean@");
    let (status, uploaded) = upload(
        &app,
        &ada,
        &ada_csrf,
        &[
            ("marie.txt", text_cv.as_bytes().to_vec()),
            ("broken.pdf", b"%PDF-1.7 nope".to_vec()),
            ("jean.txt", jean_cv.into_bytes()),
        ],
    )
    .await;
    assert_eq!(status, 201);
    assert!(
        uploaded.contains("broken.pdf</strong> — could not be read"),
        "{uploaded}"
    );
    assert_eq!(
        uploaded.matches("class=\"file parsed\"").count(),
        2,
        "{uploaded}"
    );
    let lead = first_lead(&uploaded);

    // the lead's page shows what was read, the line each skill came from,
    // and asks a person to check what was read with low confidence
    let (status, lead_page) = page(&app, &ada, &format!("/leads/{lead}")).await;
    assert_eq!(status, 200);
    assert!(
        lead_page.contains("title=\"Read from: React, TypeScript\"")
            && !lead_page.contains("please check"),
        "{lead_page}"
    );
    let unsure_cv = "Luc Girard\nluc@example.com\n\nExperience\nData Engineer\n2019 - 2021\n";
    let (status, uploaded) = upload(
        &app,
        &ada,
        &ada_csrf,
        &[("luc.txt", unsure_cv.as_bytes().to_vec())],
    )
    .await;
    assert_eq!(status, 201);
    let luc = first_lead(&uploaded);
    let (_, luc_page) = page(&app, &ada, &format!("/leads/{luc}")).await;
    assert!(
        luc_page.contains("Read with low confidence — please check: experience"),
        "{luc_page}"
    );

    // the profile says where the person stands, and takes a rating and a note
    let (_, profile) = page(&app, &ada, "/talents/t01").await;
    assert!(
        profile.contains("In your projects") && profile.contains("Backend Lyon"),
        "{profile}"
    );
    let (status, _) = post(
        &app,
        &ada,
        &ada_csrf,
        &format!("/projects/{project}/candidates/{candidate}"),
        &[("userRating", "4"), ("back", "/talents/t01")],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post(
        &app,
        &ada,
        &ada_csrf,
        &format!("/projects/{project}/candidates/{candidate}"),
        &[
            ("kind", "note"),
            ("text", "Call after the 15th"),
            ("back", "/talents/t01"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, profile) = page(&app, &ada, "/talents/t01").await;
    assert!(profile.contains("rated 4 of 5"), "{profile}");

    // editing the project: bad input refused next to the field, good input kept
    let (status, body) = post(
        &app,
        &ada,
        &ada_csrf,
        &format!("/projects/{project}/edit"),
        &[
            ("title", "Backend Lyon"),
            ("salary_min", "90000"),
            ("salary_max", "50000"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        body.contains("max must be greater than or equal to min")
            && body.contains("value=\"90000\""),
        "{body}"
    );
    let (status, _) = post(
        &app,
        &ada,
        &ada_csrf,
        &format!("/projects/{project}/edit"),
        &[
            ("title", "Backend Lyon"),
            ("location", "Lyon"),
            ("salary_min", "50000"),
            ("salary_max", "70000"),
            ("currency", "EUR"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, edit_page) = page(&app, &ada, &format!("/projects/{project}/edit")).await;
    assert!(
        edit_page.contains("value=\"Lyon\"") && edit_page.contains("value=\"70000\""),
        "{edit_page}"
    );
    // the results a search showed, saved as a list
    let (status, _) = post(
        &app,
        &ada,
        &ada_csrf,
        "/lists/add",
        &[("whole", "1"), ("search", &search)],
    )
    .await;
    assert_eq!(status, 303);
    let (_, lists_now) = page(&app, &ada, "/lists").await;
    assert!(lists_now.contains("engineers in France"), "{lists_now}");

    let pages = [
        format!("/projects/{project}/edit"),
        format!("/projects/{project}"),
        format!("/projects/{project}?view=table"),
        format!("/projects/{project}/candidates/{candidate}"),
        format!("/lists/{list}"),
        format!("/lists/{list}/export.csv"),
        format!("/leads/{lead}"),
        format!("/searches/{search}/more"),
    ];
    for path in &pages {
        let (status, body) = page(&app, &ada, path).await;
        assert_eq!(status, 200, "Ada reads {path}: {body}");
    }

    // another workspace: every one of them is "not found", like a made-up id
    let gus = session(&app, "gus@example.com").await;
    let (_, gus_home) = page(&app, &gus, "/").await;
    let gus_csrf = csrf_of(&gus_home);
    for path in &pages {
        let (status, body) = page(&app, &gus, path).await;
        assert_eq!(status, 404, "{path} is not Gus's");
        assert!(
            !body.contains("Backend Lyon")
                && !body.contains("Ada's list")
                && !body.contains("Marie"),
            "{path}: {body}"
        );
    }
    for (path, fields) in [
        (
            format!("/projects/{project}/candidates/{candidate}"),
            vec![("statusHandle", "CONTACTED")],
        ),
        (format!("/lists/{list}"), vec![("action", "delete")]),
        (
            format!("/leads/{lead}"),
            vec![("action", "link"), ("roleId", project.as_str())],
        ),
        (
            "/projects/add".to_owned(),
            vec![("project", project.as_str()), ("talent", "t03")],
        ),
        (
            "/lists/add".to_owned(),
            vec![("list", list.as_str()), ("talent", "t03")],
        ),
        (
            "/lists/add".to_owned(),
            vec![("whole", "1"), ("search", search.as_str())],
        ),
        (
            format!("/projects/{project}/edit"),
            vec![("title", "Gus was here")],
        ),
    ] {
        let (status, _) = post(&app, &gus, &gus_csrf, &path, &fields).await;
        assert_eq!(status, 404, "Gus cannot change {path}");
    }
    // value suggestions: the workspace's own employers, never another's
    let (status, own) = page(&app, &ada, "/suggest?type=COMPANY_NAME&q=ac").await;
    assert_eq!(status, 200);
    assert!(own.contains("value=\"Acme\""), "{own}");
    let (_, theirs) = page(&app, &gus, "/suggest?type=COMPANY_NAME&q=ac").await;
    assert!(!theirs.contains("Acme"), "{theirs}");
    // and the schools of the profiles it shortlisted (Marie's), never another's
    let (status, own) = page(&app, &ada, "/suggest?type=EDUCATION_SCHOOL_NAME&q=ecole").await;
    assert_eq!(status, 200);
    assert!(own.contains("value=\"École Polytechnique\""), "{own}");
    let (_, theirs) = page(&app, &gus, "/suggest?type=EDUCATION_SCHOOL_NAME&q=ecole").await;
    assert!(!theirs.contains("Polytechnique"), "{theirs}");
    let (_, gus_profile) = page(&app, &gus, "/talents/t01").await;
    assert!(!gus_profile.contains("In your projects") && !gus_profile.contains("Backend Lyon"));
    let (_, gus_lists) = page(&app, &gus, "/lists").await;
    let (_, gus_history) = page(&app, &gus, "/history").await;
    let (_, gus_leads) = page(&app, &gus, "/leads").await;
    let (_, gus_projects) = page(&app, &gus, "/projects").await;
    for listing in [&gus_lists, &gus_history, &gus_leads, &gus_projects] {
        assert!(
            !listing.contains("Ada's list")
                && !listing.contains("engineers in France")
                && !listing.contains("Marie")
                && !listing.contains("Backend Lyon")
        );
    }

    // the viewer reads everything of the workspace and changes nothing
    let vic = session(&app, "vic@example.com").await;
    let (_, vic_home) = page(&app, &vic, "/").await;
    let vic_csrf = csrf_of(&vic_home);
    for path in pages.iter().filter(|p| !p.contains("/searches/")) {
        let (status, _) = page(&app, &vic, path).await;
        assert_eq!(status, 200, "Vic reads {path}");
    }
    for (path, fields) in [
        ("/projects".to_owned(), vec![("title", "Vic's project")]),
        (
            format!("/projects/{project}/edit"),
            vec![("title", "Vic was here")],
        ),
        (
            format!("/projects/{project}/candidates/{candidate}"),
            vec![("statusHandle", "CONTACTED")],
        ),
        (format!("/lists/{list}"), vec![("action", "delete")]),
        (
            format!("/leads/{lead}"),
            vec![("action", "convert"), ("roleId", project.as_str())],
        ),
        (
            "/lists/add".to_owned(),
            vec![("list", "new"), ("new_name", "Vic's"), ("talent", "t03")],
        ),
    ] {
        let (status, body) = post(&app, &vic, &vic_csrf, &path, &fields).await;
        assert_eq!(status, 403, "Vic cannot change {path}");
        assert!(body.contains("viewer"), "the page says why: {body}");
    }
    // an upload by a viewer is refused before its files are read: none
    // becomes a lead, with or without the session's token
    let (_, leads_before) = page(&app, &vic, "/leads").await;
    for token in [vic_csrf.as_str(), ""] {
        let (status, body) = upload(
            &app,
            &vic,
            token,
            &[("vic.txt", b"Vic Viewer\nvic@example.com\nNurse".to_vec())],
        )
        .await;
        assert_eq!(status, 403);
        assert!(body.contains("viewer"));
    }
    let (_, leads_after) = page(&app, &vic, "/leads").await;
    assert_eq!(
        leads_before.matches("href=\"/leads/").count(),
        leads_after.matches("href=\"/leads/").count()
    );
    // a change without the session's token is refused too, whoever sends it
    let (status, _) = post(
        &app,
        &ada,
        "not-the-token",
        &format!("/lists/{list}"),
        &[("action", "delete")],
    )
    .await;
    assert_eq!(status, 403);
    let (status, body) = page(&app, &ada, &format!("/lists/{list}")).await;
    assert_eq!(status, 200, "nothing was deleted: {body}");
    let (status, board) = page(&app, &ada, &format!("/projects/{project}")).await;
    assert_eq!(status, 200);
    assert!(board.contains("data-stage=\"TO_BE_CONTACTED\""));
}

#[tokio::test]
async fn two_people_adding_to_one_list_at_once_both_land() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Recruiter).await;
    person(&app, "acme", "bob@example.com", Role::Recruiter).await;
    let ada = session(&app, "ada@example.com").await;
    let bob = session(&app, "bob@example.com").await;
    let ada_csrf = csrf_of(&page(&app, &ada, "/").await.1);
    let bob_csrf = csrf_of(&page(&app, &bob, "/").await.1);
    let (status, _) = post(
        &app,
        &ada,
        &ada_csrf,
        "/lists/add",
        &[("list", "new"), ("new_name", "Shared"), ("talent", "t01")],
    )
    .await;
    assert_eq!(status, 303);
    let list = page(&app, &ada, "/lists")
        .await
        .1
        .split("href=\"/lists/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let mut writes = Vec::new();
    for i in 2..=21 {
        let (cookie, csrf) = if i % 2 == 0 {
            (ada.clone(), ada_csrf.clone())
        } else {
            (bob.clone(), bob_csrf.clone())
        };
        let (app_address, list) = (app.address.clone(), list.clone());
        writes.push(tokio::spawn(async move {
            client()
                .post(format!("{app_address}/lists/add"))
                .header(COOKIE, cookie)
                .header("origin", &app_address)
                .form(&[
                    ("_csrf", csrf.as_str()),
                    ("list", list.as_str()),
                    ("talent", &format!("t{i:02}")),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    for w in writes {
        assert_eq!(w.await.unwrap(), 303);
    }
    let (_, shown) = page(&app, &ada, &format!("/lists/{list}")).await;
    assert!(shown.contains("21 people"), "every add landed: {shown}");
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_ask() {
    let app = spawn_app().await;
    let res = client()
        .get(format!("{}/sign-in", app.address))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn a_search_page_streams_its_reading_before_its_cards() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Recruiter).await;
    let ada = session(&app, "ada@example.com").await;
    let url = format!("{}/?q=software+engineer+in+France", app.address);
    // plain: the first piece is the page up to the chips, nothing of the results
    let mut res = client()
        .get(&url)
        .header(COOKIE, &ada)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // the pieces as they arrived (a piece may arrive in several reads, but
    // two pieces never in one)
    let mut arrived = Vec::new();
    while let Some(piece) = res.chunk().await.unwrap() {
        arrived.push(String::from_utf8(piece.to_vec()).unwrap());
    }
    let results_at = arrived
        .iter()
        .position(|p| p.contains("matches"))
        .expect("the total");
    let reading: String = arrived[..results_at].concat();
    assert!(
        reading.contains("class=\"chips\""),
        "the reading came first: {reading}"
    );
    assert!(!reading.contains("matches") && !reading.contains("class=\"card\""));
    // then the total with the first card, alone: it is painted before the rest
    let with_first = &arrived[results_at];
    assert!(
        with_first.matches("<li class=\"card\"").count() <= 1,
        "{with_first}"
    );
    let rest: String = arrived[results_at + 1..].concat();
    assert!(
        rest.contains("<li class=\"card\""),
        "the other cards follow: {rest}"
    );
    let whole = arrived.concat();
    assert!(whole.contains("<ol class=\"cards\" id=\"results\">"));
    assert!(whole.contains("Marie") && whole.trim_end().ends_with("</html>"));
    // compressed: each piece inflates on arrival, the whole is the same page
    let mut res = client()
        .get(&url)
        .header(COOKIE, &ada)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    // read by read, what has arrived inflates; the reading is readable
    // before anything of the results has arrived
    let mut compressed = Vec::new();
    let mut reading_alone = false;
    while let Some(piece) = res.chunk().await.unwrap() {
        compressed.extend_from_slice(&piece);
        let mut so_far = Vec::new();
        let _ = std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&compressed[..]),
            &mut so_far,
        );
        let so_far = String::from_utf8_lossy(&so_far);
        if so_far.contains("</ul>")
            && so_far.contains("class=\"chips\"")
            && !so_far.contains("matches")
        {
            reading_alone = true;
        }
    }
    assert!(
        reading_alone,
        "the chips inflated before the results arrived"
    );
    let mut inflated = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&compressed[..]),
        &mut inflated,
    )
    .unwrap();
    assert!(inflated.contains("Marie") && inflated.trim_end().ends_with("</html>"));
    assert!(compressed.len() * 2 < inflated.len(), "it is compressed");
}

/// What a signed-in person views in the web app is in the audit log, as
/// theirs; a page that was not served (another workspace's lead, a
/// profile that does not exist) is not.
#[tokio::test]
async fn pages_that_show_a_person_are_in_the_audit_log() {
    let app = spawn_app().await;
    person(&app, "acme", "ada@example.com", Role::Recruiter).await;
    let cookie = session(&app, "ada@example.com").await;
    let (status, _) = page(&app, &cookie, "/talents/t03").await;
    assert_eq!(status, 200);
    let (status, _) = page(&app, &cookie, "/talents/nobody").await;
    assert_eq!(status, 404);

    let operator = app.key_in("acme", &["admin"], 1000).await;
    let res = app
        .client
        .get(format!("{}/v1/audit?action=viewed", app.address))
        .header("x-api-key", &operator)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let log: serde_json::Value = res.json().await.unwrap();
    let events = log["data"]["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{log}");
    let e = &events[0];
    assert_eq!(e["subject"], "t03");
    assert_eq!(e["detail"], "profile (web)");
    assert!(e["actor"].as_str().unwrap().starts_with("user:"), "{e}");
    assert_eq!(e["client"], "127.0.0.1");
    assert_eq!(e["requestId"].as_str().map(str::len), Some(21));
}

/// The import page: a recruiter's CSV becomes the workspace's own profiles
/// (a rejected row named with its line and reason); another workspace's
/// people do not find them; a viewer, or a form without the page's token,
/// stores nothing.
#[tokio::test]
async fn a_spreadsheet_imported_on_the_page_is_the_workspaces_own() {
    let app = spawn_app().await;
    person(&app, "acme", "rita@example.com", Role::Recruiter).await;
    person(&app, "acme", "vera@example.com", Role::Viewer).await;
    person(&app, "beta", "otto@example.com", Role::Recruiter).await;
    let _follower = crate::helpers::follow(&app);
    let rita = session(&app, "rita@example.com").await;
    let (status, html) = page(&app, &rita, "/import").await;
    assert_eq!(status, 200);
    let csrf = csrf_of(&html);
    let csv = "Name,Title,Company,Location\nGrace Hopper,Glassblower,Navy Glass,\"Arlington, United States\"\n,Nobody,,\n";
    let send = |cookie: String, token: String, body: &'static str| {
        let app = &app;
        async move {
            let form = reqwest::multipart::Form::new()
                .text("_csrf", token)
                .text("format", "")
                .text("map", "")
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(body.as_bytes().to_vec())
                        .file_name("people.csv"),
                );
            let res = client()
                .post(format!("{}/import", app.address))
                .header(COOKIE, cookie)
                .header("origin", &app.address)
                .multipart(form)
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let (status, done) = send(rita.clone(), "forged".into(), csv).await;
    assert_eq!(status, 403, "{done}");
    let (status, done) = send(rita.clone(), csrf.clone(), csv).await;
    assert_eq!(status, 200, "{done}");
    assert!(done.contains("<strong>1</strong> new"), "{done}");
    assert!(done.contains("nothing says who this is"), "{done}");
    crate::helpers::indexed(&app).await;
    let (status, found) = page(&app, &rita, "/?q=glassblower").await;
    assert_eq!(status, 200);
    assert!(found.contains("Grace"), "{found}");
    let otto = session(&app, "otto@example.com").await;
    let (_, theirs) = page(&app, &otto, "/?q=glassblower").await;
    assert!(!theirs.contains("Grace"), "{theirs}");
    let vera = session(&app, "vera@example.com").await;
    let (_, html) = page(&app, &vera, "/import").await;
    assert!(html.contains("viewer"), "{html}");
    let (status, _) = send(vera, csrf_of(&html_with_token(&app, &rita).await), csv).await;
    assert_eq!(status, 403);
    let (_, jsonl) = {
        let key = app.key_in("acme", &["talents:search"], 100).await;
        let res = app
            .client
            .get(format!("{}/v1/talents/export", app.address))
            .header("x-api-key", key)
            .send()
            .await
            .unwrap();
        (res.status(), res.text().await.unwrap())
    };
    assert_eq!(jsonl.lines().count(), 1, "{jsonl}");
}

/// A page of Scout's with a form token, for a test that needs one.
async fn html_with_token(app: &TestApp, cookie: &str) -> String {
    page(app, cookie, "/import").await.1
}

/// The duplicates page: a pair found on import is shown side by side,
/// merged with one click and undone; another workspace's person gets the
/// not-found page for it, and a viewer cannot decide.
#[tokio::test]
async fn duplicates_are_reviewed_merged_and_undone_on_their_page() {
    let app = spawn_app().await;
    person(&app, "acme", "rita@example.com", Role::Recruiter).await;
    person(&app, "acme", "vera@example.com", Role::Viewer).await;
    person(&app, "beta", "otto@example.com", Role::Recruiter).await;
    let key = app.key_in("acme", &["talents:write"], 100).await;
    for body in [
        "id,Name,Title,Company\nq1,Bo Chen,Welder,Yard\n",
        "id,Name,Title,Company,City\nq2,Bo Chen,Senior Welder,Yard,Brest\n",
    ] {
        let res = app
            .client
            .post(format!("{}/v1/talents/bulk", app.address))
            .header("x-api-key", &key)
            .header("content-type", "text/csv")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
    let rita = session(&app, "rita@example.com").await;
    let (status, html) = page(&app, &rita, "/duplicates").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("the same name at the same employer"),
        "{html}"
    );
    assert!(
        html.contains("Senior Welder") && html.contains("Brest"),
        "{html}"
    );
    let pair = html
        .split("action=\"/duplicates/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let csrf = csrf_of(&html);
    let otto = session(&app, "otto@example.com").await;
    let (_, otto_html) = page(&app, &otto, "/duplicates").await;
    assert!(!otto_html.contains("Bo Chen"), "{otto_html}");
    let (status, _) = post(
        &app,
        &otto,
        &csrf_of(&otto_html),
        &format!("/duplicates/{pair}"),
        &[("action", "merge")],
    )
    .await;
    assert_eq!(status, 404);
    let vera = session(&app, "vera@example.com").await;
    let (_, vera_html) = page(&app, &vera, "/duplicates").await;
    assert!(
        !vera_html.contains("value=\"merge\""),
        "a viewer sees no buttons"
    );
    let (status, _) = post(
        &app,
        &vera,
        &csrf_of(&vera_html),
        &format!("/duplicates/{pair}"),
        &[("action", "merge")],
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = post(
        &app,
        &rita,
        &csrf,
        &format!("/duplicates/{pair}"),
        &[("action", "merge")],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = page(&app, &rita, "/duplicates").await;
    assert!(
        html.contains("Merged lately") && html.contains("Nothing to review"),
        "{html}"
    );
    let (status, again) = post(
        &app,
        &rita,
        &csrf,
        &format!("/duplicates/{pair}"),
        &[("action", "merge")],
    )
    .await;
    assert_eq!(status, 409, "{again}");
    let (status, _) = post(
        &app,
        &rita,
        &csrf,
        &format!("/duplicates/{pair}"),
        &[("action", "undo")],
    )
    .await;
    assert_eq!(status, 303);
    let ids = vec!["q1".to_string(), "q2".to_string()];
    let ws = app.store.workspace_id("acme", false).await.unwrap();
    assert_eq!(
        app.store
            .get_profiles(ws.as_deref(), &ids)
            .await
            .unwrap()
            .len(),
        2
    );
}
