#!/usr/bin/env bash
# CV benchmark: the published app on a generated site of R researchers (default 100) plus the demo
# profiles. The administrator signs in with curl and imports, through the real BibTeX import form
# (preview, then import of every entry shown), generated papers into the demo's full-CV profile
# (yusuf-halvorsen: education, positions, talks, service, awards) until it lists P papers (default
# 150): 3 to 12 authors each with the owner among them under one of their name variants, 28 venues
# (conferences, journals, arXiv preprints), years over 2011-2025, DOIs on most, arXiv ids on some,
# a few distinctions and some long titles; then adds three projects with Markdown narratives, a link
# and related papers through the projects form. Then, on 127.0.0.1 only, for the CV page
# (/people/{slug}/cv), its PDF (cv.pdf), its JSON Resume (resume.json: the same data read without
# a page to render) and, for comparison, the profile page and the publication list of the same
# profile (page 1 of 100 papers), it measures:
#   - first response: the first request for the address, after every kind of page has been
#     rendered on 40 other profiles, so that start-up compilation is not counted; not cached;
#   - uncached renders: 2N requests (N default 30) for each page, going round the five, each with
#     a query of its own (?warm=i, then ?run=i). The output cache varies by every query value, so
#     each one renders in full (its data read from SQLite and the page or PDF written); the query is
#     ignored by the page. Every timed response is checked to have come without an Age header, i.e.
#     not from the cache. Medians of curl's total time over the first N (the process still warming
#     up: the runtime recompiles hot code after a few dozen calls, and a long PDF is much slower
#     before that) and over the next N, with their p95 (nearest rank);
#   - cached: the address again, now answered by the output cache (checked by its Age header), with
#     wrk for S seconds (default 5; skipped if wrk cannot be installed): requests per second and p50;
#   - the app's CPU time (user and system, all threads, from /proc) during each of the second N,
#     averaged per page: less disturbed than elapsed times when other work shares the machine;
#   - the bytes of each response;
#   - the SQL commands of one uncached render, counted afterwards on the app started again with
#     EF Core's command log on (not during the timing: the log would slow it).
# The PDF is checked: it starts with %PDF-, pdfinfo reads its page count and pdftotext finds the
# number of every publication, [1] to [P], in it (both from poppler-utils; skipped if they cannot be
# installed). The CV page must list every paper. Figures are appended to tests/benchmarks/RESULTS.md.
# Usage: tests/benchmarks/cv.sh [papers] [renders] [seconds-cached] [researchers]
set -euo pipefail

papers=${1:-150}
renders=${2:-30}
duration=${3:-5}
researchers=${4:-100}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
port=5396
base="http://127.0.0.1:$port"
slug=yusuf-halvorsen
# kill 0 would signal this script's own process group: only a started server is stopped.
trap '[ "${server:-0}" -gt 0 ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
# want: as need, but the measure that uses the tool is skipped when it cannot be installed.
want() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; { apt-get update -qq && apt-get install -y -qq "$2"; } >/dev/null 2>&1; } || echo "$2 is not available: skipping what needs $1"; }
need sqlite3 sqlite3
need python3 python3
want wrk wrk
want pdfinfo poppler-utils

echo "publishing…"
dotnet publish "$root/src/ResearcherProfiles.Web" -c Release -o "$work/app" --nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Production DataDirectory="$work/data" ASPNETCORE_HTTP_PORTS=$port Demo__Seed=true Site__PublicUrl="$base"
# No background look at the sources while pages are timed.
export Sources__Sync__Enabled=false
export Logging__LogLevel__Default=Warning
db="$work/data/profiles.db"
cd "$work"
echo "seeding $researchers researchers…"
dotnet app/ResearcherProfiles.Web.dll --seed-demo "$researchers" >/dev/null
# start_app <log> [NAME=value...]: the published app, ready when /healthz answers.
start_app() {
    local log=$1
    shift
    env "$@" dotnet app/ResearcherProfiles.Web.dll >"$log" 2>&1 &
    server=$!
    for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null 2>&1 && return; sleep 1; done
    echo "the app did not start"; cat "$log"; exit 1
}
stop_app() { kill "$server"; wait "$server" 2>/dev/null || true; server=0; }
start_app app.log

listed() { sqlite3 "$db" "select count(*) from ProfilePublications pp join Researchers r on r.Id = pp.ResearcherId where r.Slug = '$slug' and pp.IsVisible;"; }
missing=$((papers - $(listed)))
[ "$missing" -gt 0 ] || { echo "$slug already lists $(listed) papers, at least $papers"; exit 1; }

echo "writing $missing BibTeX entries…"
python3 - "$missing" > refs.bib <<'PY'
import random, sys

count = int(sys.argv[1])
rng = random.Random(150)
owner = ["Halvorsen, Yusuf", "Y. Halvorsen", "Yusuf K. Halvorsen", "Halvorsen, Yusuf K."]
given = ["Priya", "Reinhard", "Chloé", "Stefan", "Marek", "Aiko", "Tomás", "Ngozi", "Lukas", "Mei", "Omar", "Sigrid",
         "Rafael", "Hana", "Dmitri", "Amara", "Jonas", "Leila", "Kenta", "Beatriz", "Arjun", "Ingrid", "Zoltán", "Fatima"]
family = ["Natarajan", "Solberg", "Marchand", "Ionescu", "Novák", "Tanaka", "Ferreira", "Okafor", "Brandt", "Lin",
          "Haddad", "Lindqvist", "Duarte", "Kowalczyk", "Petrov", "Mensah", "Weber", "Rahimi", "Ito", "Santos",
          "Raman", "Østergaard", "Kovács", "El-Amin", "Van der Berg", "O'Neill", "García-López", "Nakamura"]
conferences = [
    ("Proceedings of the Annual Meeting of the Association for Computational Linguistics (ACL)", "ACL"),
    ("Proceedings of the Conference on Empirical Methods in Natural Language Processing (EMNLP)", "EMNLP"),
    ("Proceedings of the Conference of the North American Chapter of the ACL (NAACL)", "NAACL"),
    ("Findings of the Association for Computational Linguistics (Findings of ACL)", "Findings"),
    ("Advances in Neural Information Processing Systems (NeurIPS)", "NeurIPS"),
    ("International Conference on Learning Representations (ICLR)", "ICLR"),
    ("Proceedings of the International Conference on Machine Learning (ICML)", "ICML"),
    ("Proceedings of the AAAI Conference on Artificial Intelligence (AAAI)", "AAAI"),
    ("Proceedings of the International Conference on Computational Linguistics (COLING)", "COLING"),
    ("Proceedings of the Conference of the European Chapter of the ACL (EACL)", "EACL"),
    ("International Conference on Artificial Intelligence and Statistics (AISTATS)", "AISTATS"),
    ("Conference on Language Modeling (COLM)", "COLM"),
    ("Proceedings of the Workshop on Uncertainty in Multilingual NLP (UnMuL)", "UnMuL"),
    ("Proceedings of the Workshop on Semantic Parsing (SPa-NLP)", "SPa-NLP"),
    ("Proceedings of the International Joint Conference on Artificial Intelligence (IJCAI)", "IJCAI"),
    ("Proceedings of the Conference on Computational Natural Language Learning (CoNLL)", "CoNLL"),
]
journals = [
    ("Transactions of the Association for Computational Linguistics", "MIT Press"),
    ("Computational Linguistics", "MIT Press"),
    ("Journal of Machine Learning Research", "JMLR"),
    ("Transactions on Machine Learning Research", "OpenReview"),
    ("Journal of Artificial Intelligence Research", "AI Access Foundation"),
    ("Natural Language Engineering", "Cambridge University Press"),
    ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "IEEE"),
    ("ACM Computing Surveys", "ACM"),
    ("Machine Learning", "Springer"),
    ("Artificial Intelligence", "Elsevier"),
    ("Language Resources and Evaluation", "Springer"),
]
methods = ["Structured Uncertainty", "Conformal Prediction", "Contrastive Decoding", "Span-Based Parsing",
           "Calibrated Abstention", "Cross-Lingual Transfer", "Retrieval-Augmented Generation", "Data Pruning",
           "Compositional Generalization", "Selective Prediction", "Instruction Tuning", "Self-Consistency"]
targets = ["Semantic Parsing", "Low-Resource Languages", "Multilingual Question Answering", "Code Generation",
           "Long-Context Reasoning", "Machine Translation", "Dialogue State Tracking", "Text-to-SQL",
           "Fact Verification", "Morphologically Rich Languages", "Speech Translation", "Summarization"]
qualifiers = ["under Distribution Shift", "with Little Supervision", "at Scale", "in 40 Languages",
              "without Parallel Data", "for Language Models"]
badges = ["Best Paper Award", "Outstanding Paper Award", "Oral presentation", "Spotlight"]

def person():
    return f"{rng.choice(family)}, {rng.choice(given)}"

def title(i):
    m, t = rng.choice(methods), rng.choice(targets)
    shape = i % 7
    if shape == 0:  # a long title, as some are
        return (f"Towards Reliable {t}: A Large-Scale Empirical Study of {m} and {rng.choice(methods)} "
                f"{rng.choice(qualifiers)}, with Lessons for Evaluation in {rng.choice(targets)}")
    if shape in (1, 4):
        return f"{m} for {t} {rng.choice(qualifiers)}"
    if shape == 2:
        return f"What Does {m} Buy for {{{t}}}? Evidence from {rng.randint(12, 104)} Languages"
    if shape == 3:
        return f"{{{m.split()[0]}Net}}: {m} Meets {t}"
    return f"On the Limits of {m} in {t}"

for i in range(count):
    n = rng.choice([3, 3, 4, 4, 4, 5, 5, 6, 7, 8, 10, 12])
    authors = []
    while len(authors) < n - 1:
        name = person()
        if name not in authors:
            authors.append(name)
    authors.insert(rng.choice([0, 0, 1, n - 1, rng.randrange(n)]), rng.choice(owner))
    year = 2011 + (i * 15) // count
    month = rng.randint(1, 12)
    roll = rng.random()
    fields = [("title", title(i)), ("author", " and ".join(authors)), ("year", str(year)), ("month", str(month))]
    if roll < 0.15:
        kind = "misc"
        arxiv = f"{year % 100:02d}{month:02d}.{rng.randint(1000, 19999):05d}"
        fields += [("howpublished", f"arXiv preprint arXiv:{arxiv}"), ("eprint", arxiv), ("archiveprefix", "arXiv"), ("primaryclass", "cs.CL")]
    elif roll < 0.45:
        kind = "article"
        journal, publisher = rng.choice(journals)
        fields += [("journal", journal), ("volume", str(year - 2004)), ("number", str(rng.randint(1, 6))),
                   ("pages", f"{(p := rng.randint(1, 900))}--{p + rng.randint(12, 40)}"), ("publisher", publisher)]
    else:
        kind = "inproceedings"
        venue, short = rng.choice(conferences)
        fields += [("booktitle", venue), ("pages", f"{(p := rng.randint(1, 9000))}--{p + rng.randint(8, 14)}")]
    if kind != "misc":
        if rng.random() < 0.8:
            fields.append(("doi", f"10.5555/cv-bench.{year}.{i:04d}"))
        if rng.random() < 0.35:
            arxiv = f"{year % 100:02d}{month:02d}.{rng.randint(1000, 19999):05d}"
            fields += [("eprint", arxiv), ("archiveprefix", "arXiv")]
    if rng.random() < 0.06:
        fields.append(("note", rng.choice(badges)))
    if rng.random() < 0.3:
        fields.append(("url", f"https://papers.example.org/{year}/cv-bench-{i}.pdf"))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    print(f"@{kind}{{cvbench{i},\n{body},\n}}\n")
PY

# shellcheck source=tests/benchmarks/forms.sh
source "$root/tests/benchmarks/forms.sh"
sign_in_admin "$base"
echo "importing them into /people/$slug…"
import_bib "$base" "$slug" refs.bib
[ "$(listed)" -eq "$papers" ] || { echo "/people/$slug lists $(listed) papers after the import, not $papers"; exit 1; }
# Three projects through the projects form, each with a Markdown narrative, a link and related papers.
add_project() { # title kind summary start end status link-kind link-url first-related related-count narrative
    local form="$base/edit/$slug/projects" related=() id
    curl -s -c jar -b jar "$form" -o projects.html
    for id in $(grep -o 'name="Input.RelatedPublicationIds" value="[0-9]*"' projects.html | sed 's/.*value="//; s/"$//' | tail -n +"$9" | head -n "${10}"); do
        related+=(--data-urlencode "Input.RelatedPublicationIds=$id")
    done
    curl -s -c jar -b jar -o /dev/null "$form" --data-urlencode "__RequestVerificationToken=$(field projects.html __RequestVerificationToken)" \
        --data-urlencode "Input.Version=0" --data-urlencode "OriginalValues=" --data-urlencode "Input.Title=$1" --data-urlencode "Input.Role=Principal investigator" \
        --data-urlencode "Input.Kind=$2" --data-urlencode "Input.Summary=$3" --data-urlencode "Input.NarrativeMarkdown=${11}" \
        --data-urlencode "Input.Mentors=" --data-urlencode "Input.Collaborators=Priya Natarajan, Reinhard Solberg, Chloé Marchand" \
        --data-urlencode "Input.Start=$4" --data-urlencode "Input.End=$5" --data-urlencode "Input.Status=$6" --data-urlencode "Input.Popularity=" \
        --data-urlencode "Input.Links[0].Kind=$7" --data-urlencode "Input.Links[0].Label=" --data-urlencode "Input.Links[0].Url=$8" \
        "${related[@]}"
}
add_project "Uncertainty-Aware Multilingual Semantic Parsing" Research "Parsers that say how sure they are, in every language." "Sep 2021" "" Active \
    Website https://nlp.cs.northbridge.example/uncertainty 1 6 "## Goals

Parsers that **know what they do not know**: every prediction comes with a calibrated distribution over
logical-form fragments, so that a system can ask instead of guessing.

### What we built

- A span-based decoder that transfers to [new languages](https://nlp.cs.northbridge.example/uncertainty) with a third of the errors.
- Conformal abstention for language model outputs, with guarantees under distribution shift.
- A benchmark of 40 languages with human-checked logical forms.

### People

1. Two Ph.D. students and one postdoc.
2. Collaborators at Valmont and Meridian."
add_project "Sieve: open-source data pruning for instruction tuning" OpenSource "A library that scores and filters machine-translated instruction data." "Jan 2023" "" Maintained \
    Code https://github.com/northbridge-nlp-demo/sieve 7 3 "Sieve scores each example by the agreement between a back-translation and the original, and keeps
the examples that agree best. It runs on one GPU and ships the scores for three public datasets.

- \`pip install sieve-prune\`
- Used by two multilingual instruction-tuning releases."
add_project "Multilingual voice interface with Meridian Labs" Industry "Cross-lingual semantic parsing for a voice interface in 12 languages." "Jun 2018" "Dec 2020" Completed \
    Paper https://papers.example.org/meridian-voice.pdf 10 2 "A collaboration that began with a student internship and continued as a two-year research agreement."
[ "$(sqlite3 "$db" "select count(*) from Projects p join Researchers r on r.Id = p.ResearcherId where r.Slug = '$slug' and p.IsVisible;")" -eq 3 ] && [ "$(sqlite3 "$db" "select count(*) from ProjectPublications pp join Projects p on p.Id = pp.ProjectId join Researchers r on r.Id = p.ResearcherId where r.Slug = '$slug';")" -eq 11 ] || { echo "the projects were not added"; exit 1; }
count_of() { sqlite3 "$db" "select count(*) from $1 t join Researchers r on r.Id = t.ResearcherId where r.Slug = '$slug' and t.IsVisible;"; }
items="$(count_of Education) degrees, $(count_of Positions) positions, $(count_of Projects) projects (added through the projects form, with Markdown narratives), $(count_of Awards) awards, $(count_of ServiceRoles) service roles, $(count_of Talks) talks"
author_rows=$(sqlite3 "$db" "select count(*) from PublicationAuthors a join ProfilePublications pp on pp.PublicationId = a.PublicationId join Researchers r on r.Id = pp.ResearcherId where r.Slug = '$slug' and pp.IsVisible;")
owned=$(sqlite3 "$db" "select count(distinct a.PublicationId) from PublicationAuthors a join Researchers r on r.Id = a.ResearcherId join ProfilePublications pp on pp.PublicationId = a.PublicationId and pp.ResearcherId = r.Id where r.Slug = '$slug' and pp.IsVisible;")

# Every kind of page rendered 40 times, once on each of 40 other profiles (the demo's, with every
# kind of section, then generated ones of about 50 papers), before anything is timed: start-up
# compilation and most of the runtime's recompilation of hot code are paid there (a PDF right after
# start-up takes several times as long as one a few dozen renders later).
for other in $(sqlite3 "$db" "select Slug from Researchers where Slug <> '$slug' and not IsHidden and DeletedAt is null order by Id limit 40;"); do
    for warm in "" /publications /cv /cv.pdf /resume.json; do
        curl -fs -o /dev/null "$base/people/$other$warm"
    done
done
sleep 2

# cached_hit <url>: whether the output cache answers <url> (ASP.NET Core adds Age to cached responses).
cached_hit() { curl -s -o /dev/null -D - "$1" | grep -qi '^age:'; }
# percentile <p> < times: nearest rank.
percentile() { sort -g | awk -v p="$1" '{ v[NR] = $1 } END { r = int((p * NR + 99) / 100); print v[r < 1 ? 1 : r] }'; }
# The app's CPU time so far (user and system, all threads) in clock ticks: unlike the elapsed time
# it does not grow when other work on the machine delays the app.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
ms() { awk '{ printf "%.1f", $1 * 1000 }'; }

pages=("" /publications /cv /cv.pdf /resume.json)
load_start=$(cut -d' ' -f1 /proc/loadavg)
first=() early=() median=() p95=() cpu=() bytes=() rps=() p50=()
echo "first responses…"
for k in "${!pages[@]}"; do
    url="$base/people/$slug${pages[$k]}"
    first[k]=$(curl -s -D first.headers -o "body$k" -w '%{time_total}' "$url" | ms)
    ! grep -qi '^age:' first.headers || { echo "$url: the first response came from the cache"; exit 1; }
    bytes[k]=$(wc -c < "body$k")
done
echo "$renders renders of each page while the process warms up…"
for k in "${!pages[@]}"; do
    : > "early$k.txt"
done
for i in $(seq 1 "$renders"); do
    for k in "${!pages[@]}"; do
        curl -fs -o /dev/null -w '%{time_total}\n' "$base/people/$slug${pages[$k]}?warm=$i" >> "early$k.txt"
    done
done
sleep 2
# The timed renders go round the five pages, so that a busy moment of the machine (or a garbage
# collection owed to an earlier request) falls on all of them alike rather than on one.
echo "$renders timed renders of each page…"
cpu_sum=()
for k in "${!pages[@]}"; do
    : > "times$k.txt"
    cpu_sum[k]=0
done
for i in $(seq 1 "$renders"); do
    for k in "${!pages[@]}"; do
        url="$base/people/$slug${pages[$k]}?run=$i"
        ticks=$(cpu_ticks)
        curl -s -D run.headers -o /dev/null -w '%{time_total}\n' "$url" >> "times$k.txt"
        cpu_sum[k]=$((cpu_sum[k] + $(cpu_ticks) - ticks))
        ! grep -qi '^age:' run.headers || { echo "$url came from the cache"; exit 1; }
    done
done
for k in "${!pages[@]}"; do
    url="$base/people/$slug${pages[$k]}"
    early[k]=$(percentile 50 < "early$k.txt" | ms)
    median[k]=$(percentile 50 < "times$k.txt" | ms)
    p95[k]=$(percentile 95 < "times$k.txt" | ms)
    cpu[k]=$(awk -v t="${cpu_sum[k]}" -v hz="$(getconf CLK_TCK)" -v n="$renders" 'BEGIN { printf "%.1f", t * 1000 / hz / n }')
    cached_hit "$url" || { echo "$url is not answered by the output cache"; exit 1; }
    if command -v wrk >/dev/null 2>&1; then
        echo "wrk on $url…"
        out=$(wrk -t2 -c16 -d"${duration}s" --latency "$url")
        rps[k]=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
        p50[k]=$(echo "$out" | awk '$1 == "50%" { print $2 }')
    else
        rps[k]="not measured"
        p50[k]="not measured"
    fi
done
load_end=$(cut -d' ' -f1 /proc/loadavg)
profile=0 list=1 cv=2 pdf=3 resume=4

# SQL commands per render, counted apart (their logging would slow the timed renders): the app
# again with EF Core's command log on, one more uncached request per page.
stop_app
start_app sql.log "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information"
queries=()
for k in "${!pages[@]}"; do
    url="$base/people/$slug${pages[$k]}"
    curl -fs -o /dev/null "$url?sql=warm"
    sleep 1
    before=$(grep -c 'Executed DbCommand' sql.log || true)
    curl -fs -o /dev/null "$url?sql=count"
    sleep 1
    queries[k]=$(($(grep -c 'Executed DbCommand' sql.log || true) - before))
done
cp "body$pdf" cv.pdf

# The documents themselves.
[ "$(head -c 5 cv.pdf)" = "%PDF-" ] || { echo "cv.pdf does not start with %PDF-"; exit 1; }
shown=$(grep -c '<li class="cv-publication">' "body$cv" || true)
[ "$shown" -eq "$papers" ] || { echo "the CV page lists $shown papers, not $papers"; exit 1; }
if command -v pdfinfo >/dev/null 2>&1; then
    pdf_pages=$(pdfinfo cv.pdf | awk '/^Pages:/ { print $2 }')
    pdftotext -layout cv.pdf cv.txt
    for n in $(seq 1 "$papers"); do
        grep -qF "[$n]" cv.txt || { echo "cv.pdf does not list paper [$n]"; exit 1; }
    done
    pdf_check="valid PDF (starts with %PDF-; pdfinfo: $pdf_pages pages; pdftotext finds the numbers [1] to [$papers])"
else
    pdf_check="starts with %PDF- (poppler-utils not available: pages not counted)"
fi

labels=("profile page \`/people/$slug\`" "publication list \`…/publications\` (page 1: 100 papers)"
    "**CV page \`…/cv\`**" "**CV PDF \`…/cv.pdf\`** (A4)" "JSON Resume \`…/resume.json\`")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
{
    echo
    echo "## $(date -u +%Y-%m-%d) — CV page and PDF of a profile with $papers papers, at $(git -C "$root" rev-parse --short HEAD)"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, shared (1-minute load average $load_start when the timing began, $load_end when it ended); SQLite; published Release build; site of $researchers generated researchers plus the demo profiles; \`tests/benchmarks/cv.sh $papers $renders $duration $researchers\`; curl and wrk on 127.0.0.1."
    echo
    echo "The profile: the demo's full CV (\`$slug\`: $items) with $papers papers, $missing of them imported as generated BibTeX through the import form; $author_rows author rows ($(awk -v a="$author_rows" -v p="$papers" 'BEGIN { printf "%.1f", a / p }') a paper), the owner linked on $owned."
    echo
    echo "| page | bytes | SQL queries | first response | uncached median, renders 1–$renders | uncached median, renders $((renders + 1))–$((2 * renders)) | p95, renders $((renders + 1))–$((2 * renders)) | app CPU per render, $((renders + 1))–$((2 * renders)) | cached req/s (wrk ${duration} s, 16 connections) | cached p50 |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for k in "${!pages[@]}"; do
        printf '| %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s | %s |\n' "${labels[k]}" "${bytes[k]}" "${queries[k]}" "${first[k]}" "${early[k]}" "${median[k]}" "${p95[k]}" "${cpu[k]}" "${rps[k]}" "${p50[k]}"
    done
    echo
    echo "Ratios of the app CPU per render (renders $((renders + 1))–$((2 * renders))): CV page / profile page $(ratio "${cpu[cv]}" "${cpu[profile]}"); PDF / CV page $(ratio "${cpu[pdf]}" "${cpu[cv]}"); PDF / JSON Resume $(ratio "${cpu[pdf]}" "${cpu[resume]}")."
    echo
    echo "Ratios of the uncached medians, renders $((renders + 1))–$((2 * renders)) (and of the bytes): CV page / profile page $(ratio "${median[cv]}" "${median[profile]}") ($(ratio "${bytes[cv]}" "${bytes[profile]}")); CV page / publication list $(ratio "${median[cv]}" "${median[list]}") ($(ratio "${bytes[cv]}" "${bytes[list]}")); PDF / CV page $(ratio "${median[pdf]}" "${median[cv]}") ($(ratio "${bytes[pdf]}" "${bytes[cv]}")); PDF / JSON Resume $(ratio "${median[pdf]}" "${median[resume]}")."
    echo
    echo "The PDF: $pdf_check. The CV page lists the $shown papers."
} >> "$root/tests/benchmarks/RESULTS.md"
tail -n 19 "$root/tests/benchmarks/RESULTS.md"
