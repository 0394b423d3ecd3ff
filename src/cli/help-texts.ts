/** Help texts. Kept together so the wording of the command line reads as one voice. */

export const MAIN_HELP = `Usage: account-plans <command> [options]

Checks and rolls up key-account plans (*.account.md: YAML frontmatter + Markdown).

Commands:
  check [PATH...]      check plans against the format and the selling rules
  export [PATH...]     write opportunities, stakeholders, visits or findings as CSV or JSON Lines
  forecast [PATH...]   roll up open and won opportunities by stage, category and quarter
  history PLAN         one plan across its git commits: stages, amounts, attitudes, visits
  render PLAN          write one plan as a self-contained HTML page (plan card and notes)
  schema               print the JSON Schema of a plan's frontmatter

Options:
  -h, --help           show help (also: account-plans <command> --help)
  -v, --version        show the version

PATH is a file or a directory (default: the current directory). Directories are searched
for *.account.md, skipping node_modules and .git; a file named on the command line is read
whatever its name.
`;

const SHARED_OPTIONS = `  --today YYYY-MM-DD      the date to check against (default: today, local time)
  -c, --config FILE       JSON settings, as in the editor (keys with or without "accountPlans.")
  --currency CODE         currency of opportunities without one (overrides the config; default CNY)
  -h, --help              show this help`;

export const CHECK_HELP = `Usage: account-plans check [PATH...] [options]

Checks every *.account.md under PATH (default: .) and prints its findings.

Options:
  -f, --format FORMAT     text (default), json, github (workflow annotations) or sarif (SARIF 2.1.0)
  --lang LANG             language of the messages: en (default) or zh-cn
  --cache                 reuse the findings of unchanged plans (by content hash) from the last run
  --cache-location FILE   where the cache lives (default: node_modules/.cache/account-plans/check.json)
${SHARED_OPTIONS}

Lines and columns are 1-based; columns count UTF-16 code units, and endColumn is exclusive.

Exit status:
  0  no finding is an error
  1  at least one finding is an error
  2  bad usage (unknown option, bad value, a PATH or config that cannot be read) or an internal error
A plan found in a directory but unreadable (a dangling symlink, a FIFO, no permission) is
reported on stderr and skipped; it does not change the exit status.
`;

export const FORECAST_HELP = `Usage: account-plans forecast [PATH...] [options]

Rolls up the open and won opportunities of every *.account.md under PATH (default: .):
by stage, by forecast category, by close quarter, with totals. Amounts are summed per currency,
never converted.

Options:
  -f, --format FORMAT     text (default), json or markdown
${SHARED_OPTIONS}

Exit status: 0, or 2 on bad usage or an internal error.
`;

export const SCHEMA_HELP = `Usage: account-plans schema

Prints the JSON Schema of a plan's frontmatter (for editors and YAML language servers).
`;

export const RENDER_HELP = `Usage: account-plans render PLAN [options]

Writes one plan as a self-contained HTML page: the plan card (account, stakeholders, pipeline,
visits, findings) in place of the frontmatter, then the plan's notes. The page loads nothing
and runs nothing (no external resource, no script, a strict Content Security Policy).

Options:
  -o, --output FILE       write the page to FILE (default: standard output)
  --lang LANG             language of the card and the findings: en (default) or zh-cn
${SHARED_OPTIONS}

Exit status: 0 when the page was written (whatever the findings; use 'check' to gate),
2 on bad usage, a plan that cannot be read, an output that cannot be written, or an internal error.
`;

export const EXPORT_HELP = `Usage: account-plans export [PATH...] --what TABLE [options]

Writes one flat table of every *.account.md under PATH (default: .), for spreadsheets and BI tools:
one row per opportunity, stakeholder, visit or finding, each with the account's id and name and
the plan's file, and the values the engine derives (weighted amount, forecast category, current
attitude, last contact...).

Options:
  -w, --what TABLE        opportunities, stakeholders, visits or findings (required)
  -f, --format FORMAT     csv (default) or jsonl (one JSON object per line)
  -o, --output FILE       write the table to FILE (default: standard output)
  --lang LANG             language of the findings' messages: en (default) or zh-cn
${SHARED_OPTIONS}

CSV is RFC 4180 (comma, CRLF line ends, quotes where needed) in UTF-8 with a byte-order mark, so
Excel reads Chinese names. A list (roles, who was met) is one cell, joined by "; ". A text cell
that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return)
starts with ' instead. JSON Lines keeps numbers, true/false and lists as they are, and null for
a missing value. Columns only ever get added at the end. Personal details, contacts and notes
about people are never exported.

A plan whose frontmatter cannot be read has no rows except in --what findings (a warning says so).

Exit status: 0, or 2 on bad usage, an output that cannot be written, or an internal error.
`;

export const HISTORY_HELP = `Usage: account-plans history PLAN [options]

Shows one plan across the git commits that touched it, oldest first, following renames: per
commit, the stage, amount and weighted amount of each opportunity, the attitude of each person
and the visits per month. The text and Markdown forms give the starting point, then only what
each commit changed; JSON gives the full figures at every commit (shape: docs/diff.md, "history
JSON"). A commit where the plan does not parse is shown with its first error, not fatal.

Options:
  --since DATE            only commits since DATE (any date git takes: 2026-01-01, "3 months ago")
  -f, --format FORMAT     text (default), json or markdown
  --lang LANG             language of the words: en (default) or zh-cn
${SHARED_OPTIONS}

Exit status: 0, or 2 on bad usage, outside a git repository, or an internal error.
`;
