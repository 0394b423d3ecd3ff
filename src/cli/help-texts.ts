/** Help texts. Kept together so the wording of the command line reads as one voice. */

export const MAIN_HELP = `Usage: account-plans <command> [options]

Checks and rolls up key-account plans (*.account.md: YAML frontmatter + Markdown).

Commands:
  check [PATH...]      check plans against the format and the selling rules
  diff [BASE [HEAD]]   what changed in the plans between two git revisions, in business terms
  export [PATH...]     write opportunities, stakeholders, visits or findings as CSV or JSON Lines
  forecast [PATH...]   roll up open and won opportunities by stage, category and quarter
  git-setup            set up git to merge plans by meaning and to diff them in business terms
  history PLAN         one plan across its git commits: stages, amounts, attitudes, visits
  merge BASE OURS THEIRS [PATHNAME]
                       git's merge driver: a three-way merge of one plan, by meaning
  render PLAN          write one plan as a self-contained HTML page (plan card and notes)
  report               one Markdown report of a pull request's plan changes (comment or job summary)
  schema               print the JSON Schema of a plan's frontmatter
  textconv PLAN        print a plan one fact per line (git's diff driver)

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
  --min-severity LEVEL    show only findings at LEVEL or above: error, warning, info or hint
                          (default: hint, every finding); applies to every format
  --cache                 reuse the findings of unchanged plans (by content hash) from the last run
  --cache-location FILE   where the cache lives (default: node_modules/.cache/account-plans/check.json,
                          or .account-plans-cache/check.json where there is no node_modules)
${SHARED_OPTIONS}

Lines and columns are 1-based; columns count UTF-16 code units, and endColumn is exclusive.
The text format ends with the findings that say the same thing in several files, once each with
the number of files, then the count of problems.

Exit status:
  0  no finding is an error
  1  at least one finding is an error (--min-severity never hides an error; what it hides does not count)
  2  bad usage (unknown option, bad value, a PATH or config that cannot be read), or a file named
     as PATH that cannot be read (a FIFO, a device, no permission): the other plans are still reported
A plan found in a directory but unreadable (a dangling symlink, a FIFO, no permission) is
reported on stderr and skipped; it does not change the exit status. Neither does a cache that
cannot be written (a warning). A plan the checker fails on is an AP001 finding on that plan.
`;

export const FORECAST_HELP = `Usage: account-plans forecast [PATH...] [options]

Rolls up the open and won opportunities of every *.account.md under PATH (default: .):
by stage, by forecast category, by close quarter, with totals. Amounts are summed per currency,
never converted.

Options:
  -f, --format FORMAT     text (default), json or markdown (amounts with their currency symbol,
                          and the funnel against the funnelBenchmark setting)
${SHARED_OPTIONS}

Exit status: 0, or 2 on bad usage, a file named as PATH that cannot be read, or an internal error.
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

Exit status: 0, or 2 on bad usage, an output that cannot be written, a file named as PATH that
cannot be read, or an internal error.
`;

export const MERGE_HELP = `Usage: account-plans merge BASE OURS THEIRS [PATHNAME] [options]

git's merge driver for plans (git passes %O %A %B %P and the options' %L %S %X %Y;
'account-plans git-setup' configures it).
Merges what THEIRS changed since BASE into OURS and writes the result to OURS:
stakeholders and opportunities are matched by id, visits by date, purpose and people; a field
changed on one side takes that side; the Markdown body merges line by line. Everything else in
OURS keeps its bytes. Different changes to one field, or a change against a deletion, are left
between conflict markers around that line or item, each side named and saying what it changed:
  <<<<<<< main: attitude D -> B
  =======
  >>>>>>> feature/li-na: attitude D -> C
When a version does not parse as a plan, the whole file merges line by line, as git would.
An empty BASE is a plan added on both sides.

Options:
  --marker-size N         characters in each conflict marker, git's %L (default 7)
  --ours-label NAME       OURS' name in the markers, git's %X (default ours; HEAD: the branch
                          HEAD is on)
  --theirs-label NAME     THEIRS' name in the markers, git's %Y (default theirs)
  --base-label NAME       BASE's name, git's %S (accepted; the markers have no base section)
  --lang en|zh-cn         language of the messages (default en)
  -h, --help              show this help

Exit status: 0 merged cleanly, 1 conflict markers remain, 2 a file cannot be read or written.
`;

export const GIT_SETUP_HELP = `Usage: account-plans git-setup [options]

Run inside a repository. Adds to the .gitattributes at its top:
  *.account.md merge=account-plans diff=account-plans
and sets, in the repository's own git config (.git/config):
  merge.account-plans.name, merge.account-plans.driver   (COMMAND merge ... %O %A %B %P)
  diff.account-plans.textconv                            (COMMAND textconv)
Prints what it did; running it again changes nothing. Commit .gitattributes so everyone's
merges go through the driver; each clone runs git-setup once for its own config.

Options:
  --command CMD           how git runs account-plans (default: account-plans, from the PATH),
                          e.g. "npx account-plans" or "node /path/to/cli.js"
  --lang en|zh-cn         language of the messages (default en)
  -h, --help              show this help
`;

export const TEXTCONV_HELP = `Usage: account-plans textconv PLAN

Prints PLAN one fact per line, for git's diff driver ('account-plans git-setup' configures it):
git diff, git log -p and git GUIs then show plan changes as facts ("opportunity sdwan: stage: A")
rather than YAML lines. Visits come in date order, each field on its own line, named by the item
it belongs to; the Markdown body follows as written. A file that does not parse is printed as is.

Options:
  -h, --help              show this help
`;

const CHANGE_OPTIONS = `  --lang LANG             language of the output: en (default) or zh-cn
  --today YYYY-MM-DD      the day both sides are checked as of, and its quarter for the waterfall
                          (default: today, local time)
  -c, --config FILE       JSON settings, as in the editor (keys with or without "accountPlans.")
  --currency CODE         currency of opportunities without one (overrides the config; default CNY)
  -h, --help              show this help`;

export const DIFF_HELP = `Usage: account-plans diff [BASE [HEAD]] [options] [-- PATH...]

Says what changed in the plans (*.account.md) between two git revisions, in business terms:
deals added, won, lost, moved between stages, pushed out or pulled in; people whose attitude
changed or who left; decision-chain roles now covered or lost; visits and next steps; the
quarter's weighted pipeline as a waterfall; the findings a change introduced or fixed.

  diff                    HEAD against the working tree (untracked plans count as added)
  diff REV                REV against the working tree
  diff A B, diff A..B     A against B
  diff A...B              the merge base of A and B against B (what a pull request from B shows)
  diff ... -- PATH...     only the plans under these paths

Accounts are matched by their id, not their file name. Only the plans that changed are read.

Options:
  -f, --format FORMAT     text (default; coloured on a terminal unless NO_COLOR is set), json
                          (the change set, docs/diff.md "JSON output") or markdown
  --exit-code             exit with 1 when a plan changed, 0 when none did (as git diff does)
${CHANGE_OPTIONS}

Exit status: 0 (or 1 with --exit-code when something changed); 2 on bad usage, an unknown
revision, no git repository, or an internal error.
`;

export const REPORT_HELP = `Usage: account-plans report [--base REV] [--head REV] [--for TARGET] [options] [-- PATH...]

Writes one Markdown document for a pull request: a headline (the quarter's pipeline change per
currency, deals moved, accounts changed, findings introduced and fixed), the pipeline waterfall,
then each account's changes and findings in a collapsible section. Text from the plans is
escaped: it can never add a link, an image, an HTML tag, an @mention or a #123 reference.

Options:
  --base REV              compare from REV (default: the merge base of HEAD with origin/HEAD,
                          else main, else master; HEAD~1 when that is HEAD itself or none exists)
  --head REV              compare to REV (default: HEAD)
  --for TARGET            comment (default): at most 65,536 characters, a pull-request comment;
                          summary: at most 1 MiB (1,048,576 bytes of UTF-8), a job summary
${CHANGE_OPTIONS}

When the report would be too long, the accounts with the least change are left out first (never
the headline), and a line names them ("12 accounts not shown: ...").

Exit status: 0; 2 on bad usage, an unknown revision, no git repository, or an internal error.
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
