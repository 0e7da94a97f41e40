"""The people of the CV corpus: fictional persons drawn with a fixed seed
from pools of real-world names, places, employers and schools per country,
so that each CV's labels are known exactly. See make.py."""

import random

COUNTRIES = {
    "FR": dict(
        first=["Camille", "Julien", "Manon", "Thomas", "Léa", "Nicolas", "Chloé", "Antoine", "Inès", "Mathieu"],
        last=["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Chevalier", "Perrin"],
        cities=["Paris", "Lyon", "Toulouse", "Marseille", "Lille", "Nantes", "Bordeaux"],
        companies=["Capgemini", "Société Générale", "Dassault Systèmes", "Orange", "Decathlon", "BlaBlaCar", "Doctolib", "Thales", "Ubisoft", "Criteo"],
        schools=["Université Paris-Saclay", "École Polytechnique", "INSA Lyon", "Sciences Po", "Université de Lille", "Université de Bordeaux"],
        degrees=["Master Informatique", "Diplôme d'ingénieur", "Licence en économie", "Master en marketing", "MBA"],
        native="french",
    ),
    "DE": dict(
        first=["Lukas", "Anna", "Jonas", "Lena", "Felix", "Sophie", "Maximilian", "Laura", "Tobias", "Katharina"],
        last=["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter"],
        cities=["Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart", "Düsseldorf"],
        companies=["Siemens", "SAP", "Zalando", "Bosch", "Allianz", "Deutsche Telekom", "N26", "Delivery Hero", "BMW Group", "Celonis"],
        schools=["Technische Universität München", "Humboldt-Universität zu Berlin", "RWTH Aachen University", "Universität Hamburg", "Karlsruher Institut für Technologie"],
        degrees=["M.Sc. Informatik", "B.Sc. Wirtschaftsinformatik", "Diplom-Ingenieur", "Master of Science", "Bachelor of Arts"],
        native="german",
    ),
    "ES": dict(
        first=["Lucía", "Pablo", "Carmen", "Javier", "Marta", "Alejandro", "Elena", "Sergio", "Paula", "Diego"],
        last=["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz", "Domínguez"],
        cities=["Madrid", "Barcelona", "Valencia", "Seville", "Bilbao", "Malaga"],
        companies=["Telefónica", "BBVA", "Inditex", "Glovo", "Cabify", "Indra", "Banco Santander", "Iberdrola", "Idealista", "Wallapop"],
        schools=["Universidad Complutense de Madrid", "Universitat Politècnica de Catalunya", "Universidad de Sevilla", "Universidad Politécnica de Madrid", "Universitat de València"],
        degrees=["Grado en Ingeniería Informática", "Máster en Marketing Digital", "Licenciatura en Administración de Empresas", "Máster en Ciencia de Datos"],
        native="spanish",
    ),
    "GB": dict(
        first=["Oliver", "Amelia", "Harry", "Isla", "George", "Emily", "Jack", "Sophie", "Charlie", "Grace"],
        last=["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker", "Hughes"],
        cities=["London", "Manchester", "Edinburgh", "Bristol", "Leeds", "Glasgow", "Birmingham"],
        companies=["Deliveroo", "Monzo", "Ocado", "BT Group", "HSBC", "Revolut", "Sainsbury's", "Arup", "Rolls-Royce", "Wise"],
        schools=["University of Manchester", "Imperial College London", "University of Edinburgh", "University of Bristol", "University of Leeds"],
        degrees=["BSc Computer Science", "MSc Data Science", "BA Economics", "MEng Mechanical Engineering", "MBA"],
        native="english",
    ),
    "US": dict(
        first=["Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Mia", "Mason", "Harper", "Logan"],
        last=["Johnson", "Williams", "Miller", "Davis", "Anderson", "Jackson", "Thompson", "Harris", "Clark", "Lewis"],
        cities=["San Francisco", "New York", "Austin", "Seattle", "Chicago", "Boston", "Denver"],
        companies=["Stripe", "Salesforce", "Intuit", "Airbnb", "Oracle", "Kaiser Permanente", "Deloitte", "Accenture", "Lyft", "Datadog"],
        schools=["University of Texas at Austin", "University of Washington", "Boston University", "Georgia Institute of Technology", "University of Michigan"],
        degrees=["B.S. Computer Science", "Master of Science in Data Science", "MBA", "Bachelor of Arts in Economics", "B.S. Nursing"],
        native="english",
    ),
    "IN": dict(
        first=["Priya", "Rahul", "Ananya", "Arjun", "Sneha", "Vikram", "Divya", "Karthik", "Pooja", "Rohan"],
        last=["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Kulkarni", "Menon", "Rao", "Singh"],
        cities=["Bangalore", "Pune", "Hyderabad", "Chennai", "Mumbai", "Noida"],
        companies=["Infosys", "Tata Consultancy Services", "Wipro", "HCL Technologies", "Flipkart", "Zoho", "Freshworks", "Cognizant", "Tech Mahindra", "Swiggy"],
        schools=["Anna University", "Savitribai Phule Pune University", "Vellore Institute of Technology", "Osmania University", "Indian Institute of Technology Madras"],
        degrees=["B.Tech in Computer Science", "B.E. Electronics", "MCA", "M.Tech", "Bachelor of Commerce"],
        native="hindi",
    ),
}

FAMILIES = [
    # (titles in progression, skills)
    (["Software Engineer", "Senior Software Engineer", "Lead Software Engineer"],
     ["Java", "Python", "Git", "Docker", "Kubernetes", "AWS", "PostgreSQL", "Microservices", "REST APIs", "Linux", "Go", "TypeScript"]),
    (["Data Analyst", "Senior Data Analyst", "Analytics Manager"],
     ["SQL", "Excel", "Tableau", "Power BI", "Python", "Data Visualization", "Statistics", "Looker", "Google Analytics", "R"]),
    (["Frontend Developer", "Senior Frontend Engineer", "Frontend Lead"],
     ["JavaScript", "TypeScript", "React", "HTML", "CSS", "Vue.js", "Redux", "Next.js", "Webpack", "Jest", "Figma"]),
    (["Data Engineer", "Senior Data Engineer", "Staff Data Engineer"],
     ["Python", "SQL", "Spark", "Airflow", "Kafka", "dbt", "Snowflake", "BigQuery", "Scala", "Databricks"]),
    (["DevOps Engineer", "Site Reliability Engineer", "Platform Engineering Lead"],
     ["Kubernetes", "Docker", "Terraform", "AWS", "Linux", "Ansible", "Jenkins", "Prometheus", "Grafana", "Bash", "Azure"]),
    (["Product Manager", "Senior Product Manager", "Head of Product"],
     ["Product Management", "Scrum", "Roadmapping", "User Research", "JIRA", "A/B Testing", "Product Strategy", "SQL", "Stakeholder Management"]),
    (["Marketing Executive", "Marketing Manager", "Head of Marketing"],
     ["Digital Marketing", "SEO", "Google Ads", "Content Marketing", "HubSpot", "Email Marketing", "Google Analytics", "Copywriting", "Marketing Automation"]),
    (["Accountant", "Senior Accountant", "Finance Manager"],
     ["Accounting", "Financial Reporting", "IFRS", "Excel", "SAP", "Auditing", "Tax", "Bookkeeping", "Reconciliation", "Budgeting"]),
    (["Recruiter", "Senior Recruiter", "Talent Acquisition Lead"],
     ["Recruiting", "Sourcing", "Interviewing", "Applicant Tracking Systems", "Employer Branding", "Talent Acquisition", "Boolean Search", "Onboarding"]),
    (["Mechanical Engineer", "Senior Mechanical Engineer", "Engineering Manager"],
     ["SolidWorks", "AutoCAD", "CATIA", "Finite Element Analysis", "Product Development", "Lean Manufacturing", "MATLAB", "Six Sigma"]),
    (["Registered Nurse", "Charge Nurse", "Nurse Manager"],
     ["Patient Care", "Medication Administration", "Critical Care", "Patient Education", "Infection Control", "Wound Care", "Triage"]),
    (["Project Manager", "Senior Project Manager", "Program Manager"],
     ["Project Management", "Agile Methodologies", "Scrum", "Risk Management", "Budgeting", "Microsoft Project", "JIRA", "Kanban", "Change Management"]),
    (["QA Engineer", "Senior QA Engineer", "Test Automation Lead"],
     ["Test Automation", "Selenium", "Cypress", "Manual Testing", "Java", "API Testing", "Postman", "Playwright", "Performance Testing"]),
    (["Associate", "Software Developer", "Technical Lead"],
     ["Java", "Spring Boot", "Oracle", "SQL", "JavaScript", "Angular", "Git", "Jenkins", "Microservices", "REST APIs"]),
]

CERTS = {
    0: ["AWS Certified Solutions Architect – Associate", "Oracle Certified Professional, Java SE 11 Developer"],
    1: ["Microsoft Certified: Power BI Data Analyst Associate", "Tableau Desktop Specialist"],
    3: ["Databricks Certified Data Engineer Associate", "Google Cloud Professional Data Engineer"],
    4: ["Certified Kubernetes Administrator (CKA)", "HashiCorp Certified: Terraform Associate"],
    5: ["Professional Scrum Product Owner (PSPO I)"],
    6: ["Google Ads Search Certification", "HubSpot Inbound Marketing Certification"],
    7: ["ACCA", "CPA"],
    11: ["PMP", "PRINCE2 Foundation"],
    12: ["ISTQB Certified Tester Foundation Level"],
    13: ["Oracle Certified Associate, Java SE 8 Programmer"],
}

OTHER_LANGS = {"FR": ["spanish", "german", "italian"], "DE": ["french", "spanish"],
               "ES": ["french", "italian", "portuguese"], "GB": ["french", "german", "spanish"],
               "US": ["spanish", "french"], "IN": ["tamil", "telugu", "marathi", "kannada"]}


def phone(cc, rng):
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))
    if cc == "FR":
        n = "6" + d(8)
        return "+33" + n, rng.choice([f"0{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:9]}", f"+33 {n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:9]}"])
    if cc == "DE":
        n = "151" + d(8)
        return "+49" + n, rng.choice([f"0{n[:3]} {n[3:7]} {n[7:]}", f"+49 {n[:3]} {n[3:]}"])
    if cc == "ES":
        n = "6" + d(8)
        return "+34" + n, rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", f"+34 {n[:3]} {n[3:6]} {n[6:]}"])
    if cc == "GB":
        n = "7700" + d(6)
        return "+44" + n, rng.choice([f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}"])
    if cc == "US":
        n = rng.choice(["415", "212", "512", "206", "312", "617"]) + "555" + d(4)
        return "+1" + n, rng.choice([f"({n[:3]}) {n[3:6]}-{n[6:]}", f"+1 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}"])
    n = rng.choice("9876") + d(9)
    return "+91" + n, rng.choice([f"+91 {n[:5]} {n[5:]}", f"+91-{n}", f"{n}"])


def ascii_slug(s):
    table = str.maketrans("éèêëàâäîïôöûüùçñóíáúÉ", "eeeeaaaiioouuucnoiaue")
    return "".join(c for c in s.lower().translate(table) if c.isalnum())


def person(n, cc, rng):
    c = COUNTRIES[cc]
    first, last = rng.choice(c["first"]), rng.choice(c["last"])
    fam_i = rng.randrange(len(FAMILIES))
    titles, skills = FAMILIES[fam_i]
    jobs = rng.randint(2, 4)
    companies = rng.sample(c["companies"], jobs)
    # newest first; the first job is current
    year, month = 2026, rng.randint(1, 10)
    exps = []
    end = None
    for j in range(jobs):
        span = rng.randint(14, 50)
        start_m = year * 12 + month - 1 - span
        sy, sm = divmod(start_m, 12)
        level = max(0, min(len(titles) - 1, jobs - 1 - j - rng.randint(0, 1)))
        exps.append(dict(title=titles[level], company=companies[j],
                         start=f"{sy}-{sm + 1:02d}", end=end))
        end = f"{sy}-{sm + 1:02d}" if rng.random() < 0.6 else None
        if end is None:
            gap = rng.randint(1, 4)
            em = start_m - gap
            ey, emo = divmod(em, 12)
            end = f"{ey}-{emo + 1:02d}"
            year, month = ey, emo + 1
        else:
            year, month = sy, sm + 1
    last_start = int(exps[-1]["start"][:4])
    edus = []
    for k in range(rng.choice([1, 1, 2])):
        edus.append(dict(school=c["schools"][(n + k) % len(c["schools"])],
                         degree=c["degrees"][(n * 3 + k) % len(c["degrees"])],
                         year=last_start - 2 * k - rng.randint(0, 1)))
    langs = [dict(name=c["native"], level="Native or bilingual")]
    if c["native"] != "english":
        langs.append(dict(name="english", level=rng.choice(["Full professional", "Professional working", "Native or bilingual"])))
    if rng.random() < 0.6:
        langs.append(dict(name=rng.choice(OTHER_LANGS[cc]), level=rng.choice(["Elementary", "Limited working", "Professional working"])))
    e164, written = phone(cc, rng)
    slug = ascii_slug(first) + "." + ascii_slug(last)
    domain = rng.choice(["gmail.com", "outlook.com", "proton.me", "yahoo.com", "mail.com"])
    links = []
    if rng.random() < 0.7:
        links.append(f"linkedin.com/in/{ascii_slug(first)}-{ascii_slug(last)}-{rng.randint(10, 999)}")
    if fam_i in (0, 2, 3, 4, 12, 13) and rng.random() < 0.5:
        links.append(f"github.com/{ascii_slug(first)[0]}{ascii_slug(last)}")
    return dict(
        n=n, country=cc, first=first, last=last, name=f"{first} {last}",
        email=f"{slug}{rng.randint(1, 99) if rng.random() < 0.4 else ''}@{domain}",
        phone=e164, phone_written=written, city=rng.choice(c["cities"]),
        title=exps[0]["title"] if exps[0]["end"] is None else titles[-1],
        skills=rng.sample(skills, rng.randint(5, min(9, len(skills)))),
        experiences=exps, education=edus, languages=langs,
        certifications=rng.sample(CERTS.get(fam_i, []), min(len(CERTS.get(fam_i, [])), rng.randint(0, 2))),
        links=links, family=fam_i,
        summary_seed=rng.random(),
    )


def people(count, seed):
    rng = random.Random(seed)
    ccs = list(COUNTRIES)
    return [person(n, ccs[n % len(ccs)] if n % 3 else rng.choice(ccs), rng) for n in range(count)]
