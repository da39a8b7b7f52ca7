"""The SQL of report_reference.py: each figure of docs/report.md as a DuckDB query.

The statements of one string run in order (split on ";" at a line end); `$name` is a named
parameter. The tables they make, in order: line, object_line, readable, record, ev (the events of
the sessions used), facts (one row a session), filtered and sel (the sessions of the report), book
(its playbooks), sel_ev (their events), stage_order, stage_visit, question_info, in_force, answer_of,
version_figures, version_test.
"""

# ---------------------------------------------------------------------------------------------
# Reading: files -> lines -> readable events -> sessions.
# ---------------------------------------------------------------------------------------------

# Every non-blank line of every file, with its number (from 1). The bytes are split on LF in SQL,
# as hex text: each byte becomes " XX " so that " 0A " can only match a whole LF byte. A CR before
# the LF is dropped; bytes that are not UTF-8 give a NULL text (the line is skipped).
LINES = r"""
CREATE TEMP TABLE line AS
WITH part AS (
    SELECT filename AS file, p.n, regexp_replace(replace(p.hex, ' ', ''), '0D$', '') AS hex
    FROM read_blob($files),
         unnest(string_split(regexp_replace(hex(content), '(..)', ' \1 ', 'g'), ' 0A '))
             WITH ORDINALITY AS p(hex, n)
)
SELECT file, n, try(decode(unhex(hex))) AS text FROM part WHERE hex <> '';
"""

# Whether each line is a JSON object (RFC 8259: DuckDB's reader also takes a trailing comma and
# NaN/Infinity, which are refused here by looking at the line with its strings blanked out).
OBJECTS = r"""
CREATE TEMP TABLE object_line AS
WITH checked AS (
    SELECT file, n, text,
           text IS NOT NULL AND json_valid(text) AS valid,
           regexp_replace(coalesce(text, ''), '"(?:[^"\\]|\\.)*"', '""', 'g') AS bare
    FROM line
)
SELECT file, n,
       CASE WHEN valid AND json_type(text) = 'OBJECT'
                 AND NOT regexp_matches(bare, ',\s*[\]}]')
                 AND NOT regexp_matches(regexp_replace(bare, 'true|false|null', '', 'g'), '[A-DF-Za-df-z]')
            THEN text::JSON END AS j
FROM checked;
"""

# A readable event: version 1, a known event, a time, and the fields it needs (docs/sessions.md,
# damaged records; the fields a reader cannot go without).
EVENTS = r"""
-- A field of a line when it is a string, or a number (else NULL), as the readers take them.
CREATE TEMP MACRO text_of(j, path) AS CASE WHEN json_type(j, path) = 'VARCHAR' THEN j ->> path END;
CREATE TEMP MACRO number_of(j, path) AS
    CASE WHEN json_type(j, path) IN ('UBIGINT', 'BIGINT', 'DOUBLE') THEN (j -> path)::DOUBLE END;

CREATE TEMP TABLE readable AS
WITH timed AS (
    SELECT file, n, j, text_of(j, '$.event') AS event, text_of(j, '$.time') AS time_text,
           CASE WHEN regexp_full_match(time_text, '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z')
                    THEN epoch_ms(try_strptime(time_text, '%Y-%m-%dT%H:%M:%S.%gZ'))
                WHEN regexp_full_match(time_text, '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ')
                    THEN epoch_ms(try_strptime(time_text, '%Y-%m-%dT%H:%M:%SZ'))
           END AS ms
    FROM object_line WHERE j IS NOT NULL
)
SELECT file, n, event, ms, j
FROM timed
WHERE number_of(j, '$.v') = 1 AND event IS NOT NULL AND ms IS NOT NULL
  AND CASE event
        WHEN 'start' THEN text_of(j, '$.session') IS NOT NULL AND json_type(j, '$.playbook') = 'OBJECT'
                      -- a decimal string of a number from 0 to 2^64 - 1
                      AND regexp_full_match(text_of(j, '$.seed'), '[0-9]+')
                      AND try_cast(text_of(j, '$.seed') AS UBIGINT) IS NOT NULL
        WHEN 'stage_enter' THEN text_of(j, '$.stage') IS NOT NULL
        WHEN 'stage_leave' THEN text_of(j, '$.stage') IS NOT NULL
        WHEN 'ask' THEN text_of(j, '$.question') IS NOT NULL
        WHEN 'undo' THEN text_of(j, '$.question') IS NOT NULL
        WHEN 'answer' THEN text_of(j, '$.question') IS NOT NULL
                       AND json_type(j, '$.value') IN ('BOOLEAN', 'VARCHAR', 'UBIGINT', 'BIGINT', 'DOUBLE')
        WHEN 'end' THEN text_of(j, '$.outcome') IS NOT NULL
        WHEN 'move' THEN text_of(j, '$.question') IS NOT NULL AND text_of(j, '$.chosen') IS NOT NULL
                     AND number_of(j, '$.points') IS NOT NULL
        WHEN 'practice_result' THEN number_of(j, '$.score') IS NOT NULL AND number_of(j, '$.best_on_path') IS NOT NULL
        ELSE event IN ('buyer', 'note', 'unmet', 'pause', 'resume', 'fault')
      END;
"""

# A record is a file with a readable start line (its first). Files of the same name (a record is
# named after its session id) are copies of one session: only the larger is read (a record only
# grows), of two of one size the first by path; whether it is a record is then seen.
RECORDS = r"""
CREATE TEMP TABLE record AS
WITH sized AS (
    SELECT filename AS file, size,
           row_number() OVER (PARTITION BY regexp_extract(filename, '[^/]*$') ORDER BY size DESC, filename) = 1 AS used
    FROM read_blob($files)
), counted AS (
    SELECT l.file,
           count(*) AS lines,
           count(r.n) AS readable_lines,
           min(r.n) FILTER (WHERE r.event = 'start') AS start_n
    FROM line l LEFT JOIN readable r USING (file, n)
    GROUP BY l.file
), started AS (
    SELECT c.*, text_of(r.j, '$.session') AS session
    FROM counted c JOIN readable r ON r.file = c.file AND r.n = c.start_n
)
SELECT started.*, sized.used
FROM started JOIN sized USING (file);

-- The events of the sessions used, with the fields the figures read.
CREATE TEMP TABLE ev AS
SELECT rec.session, r.n, r.event, r.ms,
       text_of(r.j, '$.stage') AS stage,
       text_of(r.j, '$.question') AS question,
       r.j -> '$.value' AS value,
       json_type(r.j, '$.value') AS value_type,
       coalesce(number_of(r.j, '$.seconds'), 0) AS seconds,
       text_of(r.j, '$.outcome') AS outcome,
       text_of(r.j, '$.type') AS qtype,
       text_of(r.j, '$.text') AS ask_text,
       coalesce(text_of(r.j, '$.title'), text_of(r.j, '$.stage')) AS stage_title,
       coalesce(number_of(r.j, '$.number'), 0) AS number,
       number_of(r.j, '$.grade') AS grade
FROM readable r JOIN record rec ON rec.file = r.file AND rec.used;
"""

# The facts of a session (docs/report.md, "The facts of a session").
FACTS = r"""
CREATE TEMP TABLE facts AS
WITH start_line AS (
    SELECT rec.session, r.ms AS start_ms,
           coalesce(text_of(r.j, '$.mode'), 'run') AS mode,
           text_of(r.j, '$.rep') AS rep,
           text_of(r.j, '$.deal') AS deal,
           coalesce(text_of(r.j, '$.playbook.path'), '') AS path,
           coalesce(text_of(r.j, '$.playbook.title'), '') AS title,
           text_of(r.j, '$.playbook.version') AS version,
           coalesce(text_of(r.j, '$.language'), 'en') AS language
    FROM record rec JOIN readable r ON r.file = rec.file AND r.n = rec.start_n
    WHERE rec.used
), deciding AS (  -- the last line that decides the status
    SELECT session, arg_max(event, n) AS event
    FROM ev WHERE event IN ('end', 'fault', 'pause', 'start', 'resume')
    GROUP BY session
), last_end AS (
    SELECT session, arg_max(outcome, n) AS outcome, arg_max(ms, n) AS end_ms, max(n) AS end_n
    FROM ev WHERE event = 'end' GROUP BY session
), per_session AS (
    SELECT session,
           coalesce(sum(seconds) FILTER (WHERE event = 'answer'), 0) AS active_seconds,
           arg_max(ms, n) AS last_ms,
           arg_max(stage, n) FILTER (WHERE event = 'stage_enter') AS last_entered,
           max(n) FILTER (WHERE event = 'stage_enter') AS last_enter_n,
           arg_max(ms, n) FILTER (WHERE event = 'stage_enter') AS last_enter_ms
    FROM ev GROUP BY session
)
SELECT s.*,
       CASE d.event WHEN 'end' THEN 'ended' WHEN 'fault' THEN 'faulted' WHEN 'pause' THEN 'paused'
                    ELSE 'interrupted' END AS status,
       CASE WHEN d.event = 'end' THEN e.outcome END AS outcome,
       CASE WHEN d.event = 'end' THEN e.end_ms END AS end_ms,
       CASE WHEN d.event = 'end' THEN e.end_n END AS end_n,
       CASE WHEN d.event = 'end' THEN (e.end_ms - s.start_ms) / 86400000.0 END AS cycle_days,
       p.active_seconds, p.last_ms, p.last_entered, p.last_enter_ms,
       -- the current stage: that of the last stage_enter, when no stage_leave of it comes after
       CASE WHEN d.event <> 'end' AND NOT EXISTS (
                SELECT 1 FROM ev l WHERE l.session = s.session AND l.event = 'stage_leave'
                                    AND l.stage = p.last_entered AND l.n > p.last_enter_n)
            THEN p.last_entered END AS current_stage
FROM start_line s
JOIN deciding d USING (session)
JOIN per_session p USING (session)
LEFT JOIN last_end e USING (session);
"""

# The sessions of the report (the filters), with won and lost, and the report's playbooks.
SELECTED = r"""
CREATE TEMP TABLE filtered AS
SELECT f.*,
       f.status = 'ended' AND coalesce(k.kind, 'other') = 'win' AS won,
       f.status = 'ended' AND coalesce(k.kind, 'other') = 'loss' AS lost
FROM facts f LEFT JOIN kinds k ON k.outcome = f.outcome
WHERE ($playbook::VARCHAR IS NULL OR f.path = $playbook_path OR lower(f.title) = lower($playbook))
  AND ($version::VARCHAR IS NULL OR f.version = $version)
  AND (NOT $by_rep OR f.rep IN (SELECT rep FROM reps))
  AND ($since::VARCHAR IS NULL OR make_timestamp(f.start_ms * 1000)::DATE >= $since::DATE)
  AND ($until::VARCHAR IS NULL OR make_timestamp(f.start_ms * 1000)::DATE <= $until::DATE);

CREATE TEMP TABLE sel AS SELECT * FROM filtered WHERE mode = $mode;

-- One report per playbook (path, title): the most sessions first, then by title, then path.
CREATE TEMP TABLE book AS
SELECT path, title, count(*) AS sessions,
       arg_min(language, session) AS language,
       row_number() OVER (ORDER BY count(*) DESC, title, path) AS place
FROM sel GROUP BY path, title;

CREATE TEMP TABLE sel_ev AS
SELECT s.path, s.title, e.* FROM ev e JOIN sel s USING (session);
"""

# Stage order from the records: by the smallest `number` of their stage_enter lines, then id.
STAGE_ORDER = r"""
CREATE TEMP TABLE stage_order AS
SELECT path, title, stage, arg_min_null(stage_title, (session, n)) AS stage_title,
       row_number() OVER (PARTITION BY path, title ORDER BY min(number), stage) AS place
FROM sel_ev WHERE event = 'stage_enter'
GROUP BY path, title, stage;
"""

OVERVIEW = r"""
SELECT b.path, b.title, b.language, b.sessions,
       count(*) FILTER (WHERE status = 'ended') AS ended,
       count(*) FILTER (WHERE status = 'paused') AS paused,
       count(*) FILTER (WHERE status = 'interrupted') AS interrupted,
       count(*) FILTER (WHERE status = 'faulted') AS faulted,
       count(*) FILTER (WHERE won) AS won,
       count(*) FILTER (WHERE lost) AS lost,
       count(*) FILTER (WHERE won) / nullif(count(*) FILTER (WHERE status = 'ended'), 0) AS win_rate,
       quantile_cont(cycle_days, 0.5) FILTER (WHERE status = 'ended') AS median_cycle_days,
       quantile_cont(active_seconds / 60, 0.5) AS median_active_minutes
FROM book b JOIN sel s USING (path, title)
GROUP BY b.path, b.title, b.language, b.sessions, b.place
ORDER BY b.place;
"""

OUTCOMES = r"""
SELECT path, title, outcome, count(*) AS n
FROM sel WHERE status = 'ended' GROUP BY ALL ORDER BY ALL;
"""

# The funnel. One row per session and stage it entered or left: whether it entered and left the
# stage, and its time in the stage: the first stage_leave after its first stage_enter, minus the
# time of that stage_enter.
STAGE_VISITS = r"""
CREATE TEMP TABLE stage_visit AS
WITH stage_line AS (
    SELECT path, title, session, stage, event, n, ms,
           min(n) FILTER (WHERE event = 'stage_enter') OVER (PARTITION BY session, stage) AS first_enter_n
    FROM sel_ev WHERE event IN ('stage_enter', 'stage_leave')
)
SELECT path, title, session, stage,
       bool_or(event = 'stage_enter') AS entered,
       bool_or(event = 'stage_leave') AS left_it,
       arg_min(ms, n) FILTER (WHERE event = 'stage_leave' AND n > first_enter_n)
           - arg_min(ms, n) FILTER (WHERE event = 'stage_enter') AS stage_ms
FROM stage_line
GROUP BY path, title, session, stage;
"""

FUNNEL = r"""
WITH open_now AS (  -- sessions not ended whose current stage is the stage
    SELECT path, title, current_stage AS stage, count(*) AS open,
           quantile_cont(($as_of_ms - last_enter_ms) / 86400000.0, 0.5) AS median_open_days
    FROM sel WHERE status <> 'ended' AND current_stage IS NOT NULL
    GROUP BY ALL
)
SELECT v.path, v.title, v.stage,
       count(*) FILTER (WHERE entered) AS entered,
       count(*) FILTER (WHERE left_it) AS left,
       count(*) FILTER (WHERE left_it) / nullif(count(*) FILTER (WHERE entered), 0) AS next_step_conversion,
       count(*) FILTER (WHERE left_it) / any_value(b.sessions) AS cumulative_conversion,
       quantile_cont(stage_ms / 3600000.0, 0.5) AS median_hours,
       quantile_cont(stage_ms / 3600000.0, 0.9) AS p90_hours,
       coalesce(any_value(o.open), 0) AS open,
       any_value(o.median_open_days) AS median_open_days
FROM stage_visit v
JOIN book b USING (path, title)
LEFT JOIN open_now o USING (path, title, stage)
GROUP BY v.path, v.title, v.stage;
"""

# The rest of each stage: the sessions that entered it and never left it, by outcome or open.
REST = r"""
SELECT v.path, v.title, v.stage, CASE WHEN s.status = 'ended' THEN s.outcome ELSE 'open' END AS rest,
       count(*) AS n
FROM stage_visit v JOIN sel s USING (session)
WHERE v.entered AND NOT v.left_it
GROUP BY ALL ORDER BY ALL;
"""

# Stalls: open sessions open longer than the stage's p90 time in stage.
STALLS = r"""
WITH p90 AS (
    SELECT path, title, stage, quantile_cont(stage_ms, 0.9) AS p90_ms FROM stage_visit GROUP BY ALL
)
SELECT s.path, s.title, s.current_stage AS stage, s.session, s.deal, s.rep,
       ($as_of_ms - s.last_enter_ms) / 86400000.0 AS days
FROM sel s JOIN p90 ON p90.path = s.path AND p90.title = s.title AND p90.stage = s.current_stage
WHERE s.status <> 'ended' AND $as_of_ms - s.last_enter_ms > p90.p90_ms
ORDER BY days DESC, s.session;
"""

# Questions. The answer in force: per session and question, in line order, an answer pushes and
# an undo pops (an undo with nothing to take away takes nothing). The depth after each line is the
# running sum clamped at 0, which is the running sum minus the lowest it has been (when below 0).
# With a final depth D >= 1, the answer in force is the last answer whose depth after it is D.
QUESTIONS = r"""
CREATE TEMP TABLE question_info AS
SELECT path, title, question,
       arg_min_null(qtype, (session, n)) AS type,
       arg_min_null(ask_text, (session, n)) AS text,
       arg_min_null(stage, (session, n)) AS stage
FROM sel_ev WHERE event = 'ask' GROUP BY ALL;

CREATE TEMP TABLE in_force AS
WITH steps AS (
    SELECT path, title, session, question, n, event, value, value_type,
           sum(CASE event WHEN 'answer' THEN 1 ELSE -1 END)
               OVER (PARTITION BY session, question ORDER BY n) AS running
    FROM sel_ev WHERE event IN ('answer', 'undo')
), clamped AS (
    SELECT *, running - least(0, min(running) OVER (PARTITION BY session, question ORDER BY n)) AS depth
    FROM steps
), final AS (
    SELECT *, last_value(depth) OVER (PARTITION BY session, question ORDER BY n
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS final_depth
    FROM clamped
)
SELECT path, title, session, question, arg_max(value, n) AS value, arg_max(value_type, n) AS value_type
FROM final
WHERE event = 'answer' AND final_depth >= 1 AND depth = final_depth
GROUP BY ALL;

CREATE TEMP TABLE answer_of AS  -- each answer in force as the figures read it, with the type
SELECT f.*, q.type, s.status, s.won, s.lost,
       CASE WHEN q.type = 'yes/no' AND f.value_type = 'BOOLEAN' THEN f.value::BOOLEAN END AS yes,
       CASE WHEN q.type = 'choice' AND f.value_type = 'VARCHAR' THEN f.value ->> '$' END AS option,
       CASE WHEN q.type IN ('number', 'scale') AND f.value_type IN ('UBIGINT', 'BIGINT', 'DOUBLE')
            THEN f.value::DOUBLE END AS amount
FROM in_force f JOIN question_info q USING (path, title, question) JOIN sel s USING (session);
"""

QUESTION_FIGURES = r"""
WITH asked AS (
    SELECT path, title, question, count(DISTINCT session) AS asked FROM sel_ev WHERE event = 'ask' GROUP BY ALL
), seconds AS (
    SELECT path, title, question, quantile_cont(seconds, 0.5) AS median_seconds
    FROM sel_ev WHERE event = 'answer' GROUP BY ALL
), last_answer AS (  -- of each lost session, the last answer line before its end line
    SELECT s.path, s.title, arg_max(e.question, e.n) AS question
    FROM sel s JOIN sel_ev e ON e.session = s.session AND e.event = 'answer' AND e.n < s.end_n
    WHERE s.lost GROUP BY s.session, s.path, s.title
), before_loss AS (
    SELECT path, title, question, count(*) AS last_before_loss FROM last_answer GROUP BY ALL
), answered AS (
    SELECT path, title, question, count(*) AS answered,
           count(*) FILTER (WHERE yes) AS yes, count(*) FILTER (WHERE NOT yes) AS no,
           min(amount) AS min, quantile_cont(amount, 0.25) AS q1, quantile_cont(amount, 0.5) AS median,
           quantile_cont(amount, 0.75) AS q3, max(amount) AS max, avg(amount) AS mean
    FROM answer_of GROUP BY ALL
)
SELECT q.path, q.title, q.question, q.type, q.text, q.stage, a.asked,
       coalesce(d.answered, 0) AS answered, d.yes, d.no, d.min, d.q1, d.median, d.q3, d.max, d.mean,
       sec.median_seconds, coalesce(l.last_before_loss, 0) AS last_before_loss
FROM question_info q
JOIN asked a USING (path, title, question)
LEFT JOIN answered d USING (path, title, question)
LEFT JOIN seconds sec USING (path, title, question)
LEFT JOIN before_loss l USING (path, title, question);
"""

# Choice options and scale values, and the win rate by answer (yes/no, choice, scale).
BY_ANSWER = r"""
SELECT path, title, question, type,
       CASE WHEN type = 'yes/no' THEN CASE WHEN yes THEN 'true' ELSE 'false' END
            WHEN type = 'choice' THEN option
            ELSE CAST(amount AS VARCHAR) END AS answer,
       count(*) AS answered,
       count(*) FILTER (WHERE status = 'ended') AS ended,
       count(*) FILTER (WHERE won) AS won,
       count(*) FILTER (WHERE won) / nullif(count(*) FILTER (WHERE status = 'ended'), 0) AS win_rate,
       count(*) FILTER (WHERE status = 'ended') < 30 AS small
FROM answer_of
WHERE (type = 'yes/no' AND yes IS NOT NULL) OR (type = 'choice' AND option IS NOT NULL)
   OR (type = 'scale' AND amount IS NOT NULL)
GROUP BY ALL ORDER BY ALL;
"""

# Question order from the records: by their stage's place, then by the smallest place at which
# the question was first asked among the asks of its stage in a session, then id.
QUESTION_ORDER = r"""
WITH firsts AS (
    SELECT path, title, session, stage, question, min(n) AS first_n
    FROM sel_ev WHERE event = 'ask' GROUP BY ALL
), placed AS (
    SELECT *, row_number() OVER (PARTITION BY session, stage ORDER BY first_n) AS place_in_stage
    FROM firsts
), best AS (
    SELECT path, title, question, min(place_in_stage) AS place_in_stage FROM placed GROUP BY ALL
)
SELECT q.path, q.title, q.question
FROM question_info q JOIN best USING (path, title, question)
LEFT JOIN stage_order o ON o.path = q.path AND o.title = q.title AND o.stage = q.stage
ORDER BY q.path, q.title, o.place NULLS LAST, best.place_in_stage, q.question;
"""

REPS = r"""
WITH practice AS (  -- practice records of the playbook, with the other filters, not --mode
    SELECT f.path, f.title, f.rep, count(*) AS practice_runs,
           avg((SELECT arg_max_null(e.grade, e.n) FROM ev e WHERE e.session = f.session AND e.event = 'practice_result'))
               AS average_grade
    FROM filtered f WHERE f.mode = 'practice' GROUP BY ALL
), lost_counts AS (
    SELECT path, title, rep, last_entered AS stage, count(*) AS n
    FROM sel WHERE lost AND last_entered IS NOT NULL GROUP BY ALL
), lost_in_best AS (  -- the stage most lost sessions last entered (ties: the first in order)
    SELECT l.path, l.title, l.rep, arg_min(l.stage, (-l.n, o.place)) AS lost_in
    FROM lost_counts l JOIN stage_order o USING (path, title, stage) GROUP BY ALL
)
SELECT s.path, s.title, s.rep, count(*) AS sessions,
       count(*) FILTER (WHERE status = 'ended') AS ended,
       count(*) FILTER (WHERE won) AS won,
       count(*) FILTER (WHERE won) / nullif(count(*) FILTER (WHERE status = 'ended'), 0) AS win_rate,
       quantile_cont(cycle_days, 0.5) FILTER (WHERE status = 'ended') AS median_cycle_days,
       any_value(l.lost_in) AS lost_in,
       coalesce(any_value(p.practice_runs), 0) AS practice_runs,
       any_value(p.average_grade) AS average_grade
FROM sel s
LEFT JOIN lost_in_best l ON l.path = s.path AND l.title = s.title AND l.rep IS NOT DISTINCT FROM s.rep
LEFT JOIN practice p ON p.path = s.path AND p.title = s.title AND p.rep IS NOT DISTINCT FROM s.rep
GROUP BY s.path, s.title, s.rep
ORDER BY s.path, s.title, sessions DESC, s.rep NULLS FIRST;
"""

VERSIONS = r"""
CREATE TEMP TABLE version_figures AS
SELECT path, title, version, count(*) AS sessions,
       count(*) FILTER (WHERE status = 'ended') AS ended,
       count(*) FILTER (WHERE won) AS won,
       count(*) FILTER (WHERE won) / nullif(count(*) FILTER (WHERE status = 'ended'), 0) AS win_rate,
       row_number() OVER (PARTITION BY path, title ORDER BY count(*) DESC, version NULLS LAST) AS place
FROM sel GROUP BY path, title, version;

-- The two-proportion z-test of each version against the most used one.
CREATE TEMP TABLE version_test AS
WITH pair AS (
    SELECT v.*, m.version AS against, m.ended AS ended2, m.won AS won2,
           (v.won + m.won) / nullif(v.ended + m.ended, 0) AS pooled
    FROM version_figures v JOIN version_figures m ON m.path = v.path AND m.title = v.title AND m.place = 1
    WHERE v.place > 1
)
SELECT path, title, version, against,
       least(ended * pooled, ended * (1 - pooled), ended2 * pooled, ended2 * (1 - pooled)) < 5
           OR pooled IS NULL AS too_small,
       (won / ended - won2 / ended2) / sqrt(pooled * (1 - pooled) * (1 / ended + 1 / ended2)) AS z
FROM pair;
"""

VERSION_STAGES = r"""
SELECT v.path, v.title, s.version, v.stage,
       count(*) FILTER (WHERE v.entered) AS entered,
       count(*) FILTER (WHERE v.left_it) AS left,
       count(*) FILTER (WHERE v.left_it) / nullif(count(*) FILTER (WHERE v.entered), 0) AS conversion
FROM stage_visit v JOIN sel s USING (session)
GROUP BY ALL;
"""

# ISO 8601 weeks of the start, UTC.
TREND = r"""
SELECT path, title, strftime(make_timestamp(start_ms * 1000), '%G-W%V') AS week,
       count(*) AS started, count(*) FILTER (WHERE won) AS won
FROM sel GROUP BY ALL ORDER BY ALL;
"""

# The records read (one per session: the other copy of a session is not counted), and the lines
# skipped in those read to their end: the report's sessions, and the practice runs its reps' table
# counts (a record the filters leave out is read only to its start line).
SKIPPED = r"""
SELECT (SELECT count(*) FROM record WHERE used) AS files,
       coalesce(sum(lines - readable_lines), 0) AS skipped_lines,
       count(*) FILTER (WHERE lines > readable_lines) AS skipped_files
FROM record
WHERE used AND session IN (SELECT session FROM filtered WHERE mode = $mode OR mode = 'practice');
"""


# ---------------------------------------------------------------------------------------------
# The funnel from `playbook export --format jsonl`: flat lines that carry the session's facts.
# ---------------------------------------------------------------------------------------------

# `playbook export --format jsonl` as docs/report.md describes it, made from the records: every
# readable line of the report's sessions, the session's facts first, then the event's own fields
# (the start line's session, rep, deal, mode and playbook left out), `seq` its line number.
WRITE_EXPORT = r"""
SELECT '{' || concat_ws(',',
           '"session":' || to_json(s.session),
           '"rep":' || coalesce(to_json(s.rep)::VARCHAR, 'null'),
           '"deal":' || coalesce(to_json(s.deal)::VARCHAR, 'null'),
           '"mode":' || to_json(s.mode),
           '"playbook_path":' || to_json(s.path),
           '"playbook_title":' || to_json(s.title),
           '"playbook_version":' || coalesce(to_json(s.version)::VARCHAR, 'null'),
           '"playbook_hash":' || coalesce(to_json(start.j ->> '$.playbook.hash')::VARCHAR, 'null'),
           '"seq":' || r.n,
           nullif(regexp_extract(
               (CASE WHEN r.event = 'start'
                     THEN json_merge_patch(r.j, '{"session":null,"rep":null,"deal":null,"mode":null,"playbook":null}')
                     ELSE r.j END)::VARCHAR, '^\{(.*)\}$', 1), '')) || '}' AS line
FROM readable r
JOIN record rec ON rec.file = r.file AND rec.used
JOIN sel s ON s.session = rec.session
JOIN readable start ON start.file = rec.file AND start.n = rec.start_n
ORDER BY s.session, r.n;
"""


EXPORT_FUNNEL = r"""
WITH stage_line AS (  -- the stage lines of the report's sessions, each with its session's first stage_enter
    SELECT playbook_path, playbook_title, session, stage, event, seq,
           epoch_ms(strptime(time, $times)) AS ms,
           min(seq) FILTER (WHERE event = 'stage_enter') OVER (PARTITION BY session, stage) AS first_enter
    FROM read_json($files, format = 'newline_delimited',
                   columns = {session: 'VARCHAR', seq: 'BIGINT', event: 'VARCHAR', time: 'VARCHAR',
                              stage: 'VARCHAR', mode: 'VARCHAR',
                              playbook_path: 'VARCHAR', playbook_title: 'VARCHAR'})
    WHERE mode = $mode AND event IN ('stage_enter', 'stage_leave')
), visit AS (  -- per session and stage: entered, left, the time in the stage
    SELECT playbook_path, playbook_title, session, stage,
           bool_or(event = 'stage_enter') AS entered,
           bool_or(event = 'stage_leave') AS left_it,
           arg_min(ms, seq) FILTER (WHERE event = 'stage_leave' AND seq > first_enter)
               - arg_min(ms, seq) FILTER (WHERE event = 'stage_enter') AS stage_ms
    FROM stage_line GROUP BY ALL
)
SELECT playbook_path AS path, playbook_title AS title, stage,
       count(*) FILTER (WHERE entered) AS entered,
       count(*) FILTER (WHERE left_it) AS left,
       quantile_cont(stage_ms / 3600000.0, 0.5) AS median_hours,
       quantile_cont(stage_ms / 3600000.0, 0.9) AS p90_hours
FROM visit GROUP BY ALL ORDER BY ALL;
"""
