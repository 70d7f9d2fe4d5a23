# Filling the app's forms with curl, shared by the benchmark scripts (sourced, not run). Cookies
# and fetched pages are kept in the current folder (jar, *.html).

# The value of the first form field named $2 in the page $1, as the browser would send it.
field() {
    python3 - "$1" "$2" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", page):
    if re.search(r'\bname="%s"' % re.escape(sys.argv[2]), tag):
        value = re.search(r'\bvalue="([^"]*)"', tag)
        sys.stdout.write(html.unescape(value.group(1)) if value else "")
        break
PY
}

# sign_in_admin <base url>: signs in as the demo site's administrator (README's demo accounts).
sign_in_admin() {
    curl -s -c jar -b jar "$1/account/login" -o login.html
    curl -s -c jar -b jar -o /dev/null "$1/account/login" \
        --data-urlencode "__RequestVerificationToken=$(field login.html __RequestVerificationToken)" \
        --data-urlencode "Input.Email=admin@example.org" --data-urlencode "Input.Password=demo-admin-password"
}

# import_bib <base url> <slug> <file>: signed in, imports every entry of a BibTeX file into the
# profile through the import form (preview, then import of everything it offers).
import_bib() {
    local import="$1/edit/$2/publications/import" csrf
    curl -s -c jar -b jar "$import" -o import.html
    csrf=$(field import.html __RequestVerificationToken)
    [ -n "$csrf" ] || { echo "could not sign in as the demo administrator"; return 1; }
    curl -s -c jar -b jar -o preview.html "$import?handler=Preview" \
        -F "__RequestVerificationToken=$csrf" -F "Bibtex=" -F "Upload=@$3;type=text/plain"
    grep -o 'name="Chosen" value="[0-9]*"' preview.html | sed 's/.*value="/Chosen=/; s/"$//' | paste -sd'&' > chosen.txt
    curl -s -c jar -b jar -o /dev/null "$import?handler=Import" \
        --data-urlencode "__RequestVerificationToken=$csrf" --data-urlencode "Bibtex@$3" --data "AbstractsAsSummaries=false" --data "@chosen.txt"
}
