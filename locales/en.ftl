## Answers: common parts

source-line = Source: “{ $title }”, { $publisher }{ $author }, { $date }.
data-as-of = Data as of { $date }.
qualifier-more_than = more than { $value }
qualifier-less_than = less than { $value }
qualifier-about = about { $value }
qualifier-exact = { $value }
not-available = Sorry, data on { $what } is not available in Sinergi yet.
fallback =
    Sorry, I can't answer that question yet. I answer questions about economic cooperation between provinces: cooperation values, events, MoUs, officials, commodities and economic targets.
fallback-suggest = Did you mean:
role-gubernur = Governor
role-wakil-gubernur = Vice Governor
role-rektor = Rector
role-kepala-dinas = Head of Agency
role-bupati = Regent
role-wali-kota = Mayor
role-direktur-utama = President Director
role-presiden = President
role-menteri = Minister
role-sekda = Regional Secretary
role-ketua-dprd = Speaker of the Regional Parliament (DPRD)
role-lainnya = Official

## Answers: cooperation values

coop-year = The value of the { $pair } cooperation in { $year } reached { $amount }.
coop-year-highest = This is the highest value the two provinces reached in { $from }–{ $to }.
coop-share = That is { $share } of the total (in the source: “{ $shareOf }”).
coop-cumulative = The cumulative value of the { $pair } cooperation as of { $date } is { $amount }.
coop-data-from = Data from { $dataFrom }.
coop-rank = The { $pair } cooperation was the largest by value in { $from }–{ $to } (rank { $position } among { $among }).
period-year = in { $year }
period-range = { $from }–{ $to }
period-cumulative = cumulative as of { $date }

## Answers: events

event-when = { $title } took place on { $date }{ $time }.
event-where = { $title } was held at { $venue }{ $address }, { $city } ({ $province }).
event-who = Attending { $title }: { $people }.
kind-misi-dagang = trade mission
kind-penandatanganan-mou = MoU signing
kind-pameran = exhibition
kind-forum-investasi = investment forum
kind-kunjungan-kerja = working visit
kind-lainnya = other events

## Answers: agreements, people, statements

mou-witness = { $people } attended the signing in person.
official-line = { $name } is the { $role } of { $place }.
official-nickname = Also known as { $nickname }.
statement-quoted = { $name } ({ $office }) said: “{ $text }”
statement-reported = According to { $name } ({ $office }): { $text }
## Answers: commodities, targets, acronyms, source

commodity-line = Leading commodities of { $province } in the { $sector } sector: { $items }. { $note }
target-line = { $province }'s target for { $indicator }: { $value } { $horizon }.
acronym-line = { $short } stands for { $long }.
## Answers: small talk and subscriptions

greeting = Hello! I'm Sinergi, an assistant for information on economic cooperation between Indonesian provinces. Ask me anything, or pick one of the examples below.
thanks = You're welcome! Glad to help.
help =
    I can answer questions about economic cooperation between provinces, for example:
    • cooperation values (per year or cumulative)
    • events: when, where, who attended
    • MoUs, officials, leading commodities, economic targets, abbreviations
    Just type your question as you would in a chat, or pick one of the examples below. Follow-ups such as “and in 2024?” or “where was it?” work too. Commands: /acara, /langganan, /help.
subscribe-hint = To receive event announcements and reminders, send /langganan and choose the event kinds or provinces you are interested in.
unsubscribe-hint = To stop receiving announcements, send /berhenti.

## Suggested questions (buttons)

## Bot

start =
    Welcome to Sinergi, { $name }! 👋
    I answer questions about economic cooperation between Indonesian provinces, always with the source and its date.
    Try one of the questions below, or type your own.
group-usage = In groups, mention me (@{ $username }), reply to one of my messages, or use /tanya <question>.
tanya-empty = Write your question after the command, for example: /tanya when is the next trade mission?
inline-title-answered = Sinergi's answer
inline-title-unanswered = Sinergi has no answer yet
inline-empty = Type a question about cooperation between provinces
error-generic = Sorry, something went wrong while processing your message. Please try again in a moment.
storage-failed = Sorry, your change was not saved: the bot's data storage has a problem (disk full or read-only). The previous data still applies. Please try again in a while.

## Commands

cmd-start = Start and see example questions
cmd-bantuan = How to use Sinergi (same as /help)
cmd-help = Help
cmd-tanya = Ask a question (in groups)

## Production

flood-notice = Sorry, you sent too many messages in a short time. Please wait { $seconds } seconds, then send your question again.
unhandled-media = Sorry, I can only read text messages. Please type your question. Send /help for a guide and example questions.
unhandled-command = Sorry, I don't know that command. Send /help to see how to use Sinergi, or just type your question.

## Events and subscriptions

cmd-acara = See upcoming events
cmd-langganan = Choose event announcements and reminders
cmd-langgananku = See your subscription
cmd-berhenti = Stop announcements
events-none = No events are recorded in Sinergi yet.
events-list-upcoming = Upcoming events:
events-list-no-upcoming = No upcoming events are recorded.
events-list-past = Latest events:
events-list-line = { $n }. { $title } — { $date }, { $city }
events-list-page = Page { $page } of { $pages }
events-list-hint = Choose an event's number to see its details.
events-gone = That event is no longer in Sinergi's data.
events-time-unknown = time not announced yet
events-card-date = 🗓 Date: { $date }
events-card-time = 🕘 Time: { $time }
events-card-venue = 📍 Venue: { $venue }
events-card-city = 🏙 City: { $city }, { $province }
events-card-participants = 👥 Participants: { $people }
events-card-more-people = and { $n } others
events-card-more-agenda = …and { $n } more agenda items
events-card-agenda = Agenda:
events-btn-calendar = 📅 Add to calendar
events-btn-location = 📍 Location
events-btn-remind = 🔔 Remind me
events-btn-list = « All events
events-btn-prev = ◀ Previous
events-btn-next = Next ▶
events-ics-caption = Open this file to add “{ $title }” to your calendar.
events-no-location = The coordinates of this venue are not available yet.
events-remind-past = This event is over.
events-remind-ok-short = Reminder set.
events-remind-ok =
    All right, I will remind you of “{ $title }” on:
    { $times }
    Times are in the event's local time zone. Send /langgananku to see your subscription, or /berhenti to stop.
events-remind-ok-soon = All right, you are signed up for “{ $title }”. It is very close, so no more reminders are scheduled, but I will tell you if it changes.
events-announce-added = 📢 New event
events-announce-changed = 📢 Event update
events-announce-manual = 📢 Event announcement
events-reminder-soon = ⏰ Reminder: this event takes place on { $date }.
events-reminder-today = ⏰ Reminder: this event takes place today.
events-announce-footer = You receive this because you subscribed to Sinergi's event news. Change it with /langganan, stop it with /berhenti.
events-progress = Sending announcement { $id }: { $sent } sent, { $failed } failed, { $left } left of { $total }.
events-progress-done = Announcement { $id } finished: { $sent } sent, { $failed } failed (including { $blocked } who blocked the bot), of { $total } subscribers.
events-admin-only = Sorry, this command is for admins only.
events-announce-usage = Write the event id, for example: /umumkan { $ids }
events-announce-preparing = Preparing the announcement…
events-announce-exists = This announcement was already created ({ $id }): { $sent } of { $total } sent.
events-announce-nobody = No subscriber matches this event yet, so nobody was sent anything.
events-unknown = There is no event with id “{ $id }”.
subs-menu-intro =
    Choose which event news you want. You will get an announcement when an event is added or changed, and reminders the day before and on the morning of the event.
    Tap a button to select or unselect it, then tap “Done”.
subs-btn-all = All events
subs-btn-provinces = Choose provinces ({ $n })
subs-btn-kinds = Choose event kinds ({ $n })
subs-btn-done = Done
subs-btn-back = « Back
subs-menu-outdated = The menu was updated, please choose again.
subs-none = You are not subscribed to event news yet. Send /langganan to choose the events you want to follow.
subs-current = Your subscription:
subs-current-all = • all events
subs-current-provinces = • events in provinces: { $list }
subs-current-kinds = • event kinds: { $list }
subs-current-both = (an event is sent when both its province and its kind match)
subs-current-events = • reminders for: { $list }
subs-current-inactive = Delivery is paused because the bot was blocked; send any message to turn it back on.
subs-current-footer = Change it with /langganan, stop everything with /berhenti.
subs-stopped = All right, you will no longer receive event announcements and reminders. Send /langganan any time to subscribe again.
subs-stopped-none = You were not subscribed to anything. Send /langganan if you want event news.

## Admin

admin-refused = Sorry, this command is for Sinergi admins only. You are welcome to ask questions as usual.
admin-owner-only = Sorry, only the bot's owner (the first id in ADMIN_IDS) can add or remove admins.
admin-menu = Sinergi admin menu. Choose the kind of data to add or change, or another action below. Send /batal at any time to stop without saving.
admin-btn-history = 🕘 History
admin-btn-undo = ↩️ Undo
admin-btn-export = 📤 Export
admin-btn-import = 📥 Import
admin-btn-unanswered = ❓ Unanswered
admin-btn-stats = 📊 Statistics
admin-btn-save = ✅ Simpan (save)
admin-btn-cancel = ✖️ Batal (cancel)
admin-btn-keep = ✔️ Keep as it is
admin-btn-skip = ⏭ Skip
admin-btn-clear = 🗑 Clear
admin-btn-new = ➕ Add new
admin-btn-edit = ✏️ Edit
admin-btn-delete = 🗑 Delete
admin-btn-new-source = ➕ New source
admin-btn-as-example = ➕ Example { $n }
admin-btn-add-fact = 📝 Fact { $n }
admin-cancelled = Cancelled. Nothing was saved.
admin-nothing-to-cancel = Nothing is in progress.
admin-in-conversation = You are in the middle of an edit. Answer the question above, or send /batal to stop without saving.
admin-expect-text = Please answer with text or press one of the buttons.
admin-stale-button = This button is no longer valid.
admin-press-button = Press “Simpan” to save or “Batal” to cancel.
admin-saved = ✅ Saved (change #{ $seq }). The bot's answers use the new data right away. See /riwayat, or /urungkan to undo it.
admin-invalid = This change cannot be saved yet because the data is incomplete or inconsistent:
admin-fix-again = Please go through the answers again (press “Keep as it is” for the parts that are right).
admin-conflict = ⚠️ Not saved: another admin has just changed the same data. The newest value is:
admin-conflict-gone = this record has been deleted by another admin.
admin-conflict-retry = Check the newest value above, then repeat your change if it is still needed.
admin-summary-title = Summary of the change:
admin-change-add = ➕ Add { $kind }: { $label }
admin-change-edit = ✏️ Change { $kind }: { $label }
admin-change-delete = 🗑 Delete { $kind }: { $label }
admin-no-diff = (nothing changes)
admin-confirm = Save this change?
admin-more = …and { $n } more changes.
admin-pick = { $kind }: choose the record to change, or add a new one.
admin-edit-or-delete = Edit or delete this record?
admin-err-record = No record “{ $detail }” was found.
admin-err-kind = Unknown kind of data.
admin-ask-field = ({ $n }/{ $total }) { $label }?
admin-current = Now: { $value }
admin-optional = (May be left empty: press “Skip” or send -)
admin-ask-source = Which source is this from? Choose an existing source or add a new one.
admin-ask-source-publisher = Publisher of the source (for example: Biro Administrasi Pimpinan Pemprov Jatim)?
admin-ask-source-title = Title of the source (headline or document title)?
admin-ask-source-date = Publication date of the source (for example 8/5/2025 or 8 Mei 2025)?
admin-ubahnilai-usage =
    Format: /ubahnilai <region> <region> <year> <amount>
    Example: /ubahnilai Jatim Kaltim 2024 Rp120 miliar
admin-err-ubahnilai = The command is incomplete.
admin-err-empty = The answer is empty.
admin-err-too-long = The answer is too long (at most { $detail } characters).
admin-err-amount = Amount not recognised. Write for example Rp165,7 miliar, 165,7 M, Rp 165.700.000.000, 1,2 triliun or 400 juta.
admin-err-amount-negative = The amount cannot be negative.
admin-err-amount-zero = The amount must be more than zero.
admin-err-amount-big = That amount is too large; check the zeros again.
admin-err-number = Number not recognised. Write for example 8 or 8,5.
admin-err-year = The year must have four digits, for example 2024.
admin-err-year-range = The year must be between 1945 and 2100.
admin-err-period = Period not recognised. Write a year (2024), a span (2022-2024) or “kumulatif 8/5/2025”.
admin-err-date = Date not recognised. Write for example 8/5/2025, 08-05-2025, 8 Mei 2025, besok or Kamis depan.
admin-err-date-invalid = That date does not exist. Check the day and the month again.
admin-err-time = Time not recognised. Write for example 09.00 WITA, 14:30 WIB or 9 WIT.
admin-err-province = Unknown province “{ $detail }”. Write its full or short name, for example Jawa Timur or Jatim.
admin-err-province-one = Write one province only, for example Kaltim.
admin-err-province-pair = Write two different provinces, for example Jatim Kaltim.
admin-err-org = The organisation “{ $detail }” is not in the data yet. Add it first from the Organisations menu, or write its exact name.
admin-err-org-one = Write one organisation only.
admin-err-official = The official “{ $detail }” is not in the data yet. Add them first from the Officials menu, or write their exact name.
admin-err-position = Write the rank as a number, for example 2 (for second place).
admin-err-parties = An agreement needs at least two parties, separated by commas.
admin-err-acronym = An acronym has only letters or digits (2–20 characters), for example DPMPTSP.
admin-err-choice = Choose one of the buttons below.
admin-hint-cooperationValues-provinces = Two provinces, for example: Jatim Kaltim
admin-hint-period = A year (2024), a span (2022-2024) or “kumulatif 8/5/2025”.
admin-hint-amount = For example: Rp165,7 miliar, 165,7 M, Rp 165.700.000.000 or 1,2 triliun.
admin-hint-date = For example: 8/5/2025, 8 Mei 2025, 08-05-2025, besok or Kamis depan.
admin-hint-time = For example: 09.00 WITA (without a zone, the province's time zone is used).
admin-hint-province = Full or short name, for example: Kaltim.
admin-hint-events-provinces = Provinces involved, for example: Jatim, Kaltim.
admin-hint-targetMarkets = Target market provinces, for example: Jatim, Bali.
admin-hint-items = Separate with commas, for example: udang windu, ikan bandeng.
admin-hint-rankings-provinces = Two provinces, for example: Jatim Kaltim
admin-hint-measure = What is ranked, for example: trade transaction value
admin-hint-among = Among whom, for example: East Java’s trading partners
admin-hint-official = The name of an official already in the data, for example: Seno Aji
admin-hint-topic = A short topic, for example: connectivity between provinces
admin-hint-parties = Names or short names of organisations, separated by commas, for example: Unmul, Peruri.
admin-hint-organisation = Name or short name of the organisation, for example: Unmul.
admin-hint-value = A number only, for example 8 or 8,5.
admin-hint-unit = For example: persen.
admin-hint-horizon = For example: dalam tiga tahun mendatang.
admin-import-ask = Send the knowledge base as a JSON file (.json, or compressed .json.gz; at most { $max }), for example an edited /ekspor file. Send /batal to stop.
admin-import-need-file = Send the file as a document (.json or .json.gz), or /batal to stop. (In the local console chat without BOT_TOKEN, type the file's path.)
admin-import-too-big = The file is too large ({ $size }); the limit is { $max }. Nothing was changed.
admin-import-bad-gzip = This .gz file cannot be opened (damaged, or not gzip). Nothing was changed.
admin-import-download-failed = The file could not be downloaded. Please send it again.
admin-import-invalid-json = This file is not valid JSON ({ $detail }). Nothing was changed.
admin-import-invalid = File rejected: { $total } errors found, nothing was changed. The first errors:
admin-import-again = Fix the file and send it again, or /batal to stop.
admin-import-same = The file is the same as the current data; nothing to change.
admin-import-summary = Import “{ $file }”: { $added } added, { $changed } changed, { $removed } removed.
admin-import-saving = ⏳ Saving the import ({ $n } changes)… The bot keeps answering questions meanwhile.
admin-import-gone = That import is no longer waiting (saved, cancelled, or left too long). Send /impor to start again.
admin-export-caption = Sinergi knowledge base (version { $hash }). Edit it and send it back with /impor.
admin-export-caption-gz = Sinergi knowledge base (version { $hash }), gzip-compressed because it is large. Open it with an archive tool, edit it, and send it back with /impor (it may stay .json.gz).
admin-history-title = Latest changes:
admin-history-empty = No changes recorded yet.
admin-history-line = #{ $seq } · { $at } WIB · { $who } · { $action } { $label }
admin-history-count = ({ $n } records)
admin-action-add = added
admin-action-edit = changed
admin-action-delete = deleted
admin-action-import = imported
admin-action-undo = undid
admin-undo-nothing = There is no change to undo.
admin-undo-heading = Undo change #{ $seq } by { $who } ({ $at } WIB): { $label }
admin-unanswered-title = The most frequent unanswered questions. “Example” files one as an example question; “Fact” opens the form for the missing data.
admin-unanswered-empty = No unanswered questions yet.
admin-unanswered-gone = That question is no longer on the list.
admin-unanswered-pick-intent = What is “{ $question }” a question about?
admin-unanswered-learned = Saved: “{ $question }” is now understood as a { $intent } question.
admin-unanswered-bad-intent = The bot does not know that kind of question; nothing was saved. Pick one of the buttons from /belumterjawab.
admin-unanswered-add-fact = What data would you like to add?
admin-stats-title = 📊 Sinergi statistics
admin-stats-total = { $asked } questions in total, { $answered } answered ({ $share }%).
admin-stats-days = Questions per day (answered/total):
admin-stats-day = { $day }: { $answered }/{ $asked }
admin-stats-no-questions = No questions recorded yet.
admin-stats-intents = Top topics:
admin-stats-subscribers = Active event subscribers: { $n }
admin-list = Owner: { $owner }. Admins: { $list }.
admin-add-usage = Write the new admin's numeric Telegram id, for example: /tambahadmin 123456789
admin-remove-usage = Write the numeric Telegram id of the admin to remove, for example: /hapusadmin 123456789
admin-added = { $id } is now an admin.
admin-already = { $id } is already an admin.
admin-removed = { $id } is no longer an admin.
admin-not-admin = { $id } is not an admin.
admin-owner-stays = The bot's owner cannot be removed.
admin-kind-cooperationValues = Cooperation value
admin-kind-events = Event
admin-kind-organisations = Organisation
admin-kind-agreements = Agreement (MoU)
admin-kind-officials = Official
admin-kind-commodities = Commodity
admin-kind-targets = Target
admin-kind-acronyms = Acronym
admin-kind-sources = Source
admin-kind-rankings = Ranking
admin-kind-statements = Statement
admin-choice-exact = exact
admin-choice-yes = yes, a direct quote
admin-choice-no = no, paraphrased
admin-choice-more_than = more than
admin-choice-less_than = less than
admin-choice-about = about
admin-choice-misi-dagang = trade mission
admin-choice-penandatanganan-mou = MoU signing
admin-choice-pameran = exhibition
admin-choice-forum-investasi = investment forum
admin-choice-kunjungan-kerja = working visit
admin-choice-lainnya = other
admin-choice-pemerintah-daerah = regional government
admin-choice-universitas = university
admin-choice-bumn = state-owned company
admin-choice-dinas = agency
admin-choice-perusahaan = company
admin-choice-nota-kesepahaman = memorandum of understanding
admin-choice-perjanjian-kerja-sama = cooperation agreement
admin-choice-gubernur = governor
admin-choice-wakil-gubernur = vice governor
admin-choice-rektor = rector
admin-choice-kepala-dinas = head of agency
admin-choice-bupati = regent
admin-choice-wali-kota = mayor
admin-choice-direktur-utama = president director
admin-label-provinces = Provinces
admin-label-period = Period
admin-label-amount = Amount
admin-label-qualifier = Precision
admin-label-note = Note
admin-label-title = Title
admin-label-kind = Kind
admin-label-date = Date
admin-label-venue = Venue
admin-label-address = Address
admin-label-city = City
admin-label-province = Province
admin-label-time = Start time
admin-label-timezone = Time zone
admin-label-purpose = Purpose
admin-label-name = Name
admin-label-short = Short name
admin-label-aliases = Other names
admin-label-parties = Parties
admin-label-role = Role
admin-label-organisation = Organisation
admin-label-nickname = Nickname
admin-label-items = Commodities
admin-label-sector = Sector
admin-label-targetMarkets = Target markets
admin-label-indicator = Indicator
admin-label-comparator = Comparison
admin-label-value = Value
admin-label-unit = Unit
admin-label-horizon = Time frame
admin-label-long = Full form
admin-label-sourceId = Source
admin-label-validAsOf = Data as of
admin-label-sharePercent = Share (percent)
admin-label-shareQualifier = Share precision
admin-label-shareOf = Share of
admin-label-highestOfPeriod = Highest in period
admin-label-dataFrom = Data from
admin-label-publisher = Publisher
admin-label-position = Rank
admin-label-measure = What is measured
admin-label-among = Among
admin-label-official = Official
admin-label-topic = Topic
admin-label-text = Statement
admin-label-quoted = Direct quote
cmd-admin = Admin menu (admins only)
cmd-ubahnilai = Change one year's cooperation value
cmd-riwayat = History of data changes
cmd-urungkan = Undo the last change
cmd-ekspor = Download the knowledge base (JSON)
cmd-impor = Upload a knowledge base (JSON)
cmd-belumterjawab = Unanswered questions
cmd-statistik = Question statistics
cmd-batal = Cancel the edit in progress
cmd-admins = List of admins
cmd-tambahadmin = Add an admin (owner only)
cmd-hapusadmin = Remove an admin (owner only)

## Console chat

console-no-button = There is no option number { $n }. Type a number from 1 to { $max } to choose one, or type your question.

## Answers: details not in the source

role-wakil-rektor = Vice Rector
role-direktur = Director
role-wakil-bupati = Vice Regent
role-wakil-wali-kota = Deputy Mayor
role-ketua = Chair
role-kapolda = Police Chief
role-dirjen = Director General
role-deputi = Deputy
role-camat = District or Village Head

## Answers: looked up from the records

ans-value-range = The value of the { $pair } cooperation in { $from }–{ $to } was { $amount }.
ans-share-of-total = the total value of the cooperation
ans-rank = The { $pair } cooperation ranks No. { $position } by { $measure } among { $among } ({ $period }).
ans-time-range = { $start } to { $end }
ans-event-when = { $title } took place on { $date }{ $time ->
    [none] {""}
   *[other] {" "}at { $time }
}.
ans-event-purpose = The aim of { $title }: { $purpose }.
ans-event-goals = The goals of { $title }: { $goals }.
ans-event-agenda = Programme of { $title }:
ans-event-label = { $title } ({ $date }, { $city })
ans-org-city = { $name } is in { $place }.
ans-org-people = Officials of { $name } on record: { $people }.
ans-org-summary = { $name } is a { $kind }{ $place ->
    [none] {""}
   *[other] {" "}in { $place }
}.
ans-mou-signed-by = Signed by { $people }.
ans-mou-parties = { $title } was agreed between { $parties }.
ans-mou-purpose = The purpose of { $title }: { $purpose }.
ans-mou-when = { $title } was signed on { $date }.
ans-mou-where = { $title } was signed during { $event } at { $venue }, { $city }.
ans-official-nickname = { $name } is also known as { $nickname }.
ans-commodity-origin = { $items } come from { $origin }.
ans-commodity-market = { $items } are marketed to { $markets }.
ans-source-author = The release “{ $title }” was written by { $author }.
ans-several = { $count } { $kind } match:
ans-more = …and { $count } more. Be more specific (a year, a province or a city) to narrow it down.
ans-choose = { $count } { $kind } match. Which one do you mean?
ans-choose-hint = Press a button, type its number, or be more specific (a year, a province or a city).
ans-cut = (The answer was cut because it is too long. Please ask a more specific question.)
attr-summary-generic = that
attr-summary = information
attr-when = date
attr-time = time
attr-where = place
attr-venue = venue
attr-address = address
attr-city = city
attr-province = province
attr-who = parties
attr-nickname = nickname
attr-role = position
attr-amount = value
attr-share = share (percentage)
attr-rank = rank
attr-period = period
attr-asOf = data date
attr-dataFrom = agency behind the data
attr-source = source
attr-author = author
attr-purpose = purpose
attr-goals = benefits
attr-agenda = programme
attr-statement = statement
attr-expansion = full form
attr-items = commodities
attr-sector = sector
attr-origin = origin
attr-market = target market
attr-horizon = time frame
attr-count = number
attr-duration = duration
kind-label-cooperationValues = cooperation values
kind-label-rankings = cooperation rankings
kind-label-events = events
kind-label-agreements = MoUs
kind-label-officials = officials
kind-label-statements = statements
kind-label-organisations = organisations
kind-label-commodities = commodities
kind-label-targets = targets
kind-label-acronyms = abbreviations
kind-label-sources = sources
mod-cumulative = cumulative
mod-total = total
mod-highest = highest
mod-lowest = lowest
mod-upcoming = upcoming
mod-latest = latest
mod-first = first
mod-ordinal = numbered
mod-change = change
mod-average = average
ask-kv-amount = What was the value of the { $subject }?
ask-kv-dataFrom = Which agency published the data on the { $subject }?
ask-kv-share = What share of the total was the { $subject }?
ask-rk-rank = How does the { $subject } cooperation rank?
ask-ev-when = When was the { $subject }?
ask-ev-where = Where was the { $subject } held?
ask-ev-who = Who attended the { $subject }?
ask-ev-purpose = What was the purpose of the { $subject }?
ask-ag-who = Who signed the { $subject }?
ask-ag-purpose = What is the purpose of the { $subject }?
ask-ag-when = When was the { $subject } signed?
ask-of-who = Who is the { $subject }?
ask-st-statement = What did { $subject } say?
ask-or-city = Which city is { $subject } in?
ask-km-items = What are the leading commodities of { $subject }?
ask-tg-amount = What is the target for { $subject }?
ask-ak-expansion = What does { $subject } stand for?
ans-and = { $a } and { $b }
ans-event-organisers = Organisers of { $title }: { $organisers }.
ans-event-title = The event's official name: { $title } ({ $date }, { $city }).
ans-mou-signed-by-full = { $title } was signed by { $people }.
ans-mou-witnesses = The signing of { $title } was witnessed by { $people }.
attr-endTime = closing time
attr-participants = participants
attr-parties = parties
attr-signatories = signatories
attr-witnesses = witnesses
attr-organiser = organisers
attr-title = official name
attr-term = term of office
attr-since = start
ans-same-attr = For the { $count } matching { $kind }, { $attr }: { $value }.
attr-represents = whom they represented
mod-firstHalf = first half
mod-secondHalf = second half
mod-aggregate = all provinces combined
ans-event-zone = The times of { $title } are in the local time zone of { $city }: { $zone }.
attr-zone = time zone
button-outdated = This button is no longer valid. Please type your question.
ans-value-subject = { $pair } cooperation { $period }
ans-official-subject = { $role } of { $place }

## Ingest
qualifier-up_to = up to { $value }
period-event = at the event of { $date }
period-semester = in half { $half } of { $year }
period-annual = per year (from { $date })
period-unstated = (period not stated)
value-measure-kerja-sama = The cooperation value of { $pair }
value-measure-transaksi = The transaction value of { $pair }
value-measure-penjualan = Sales of { $seller } to { $buyer }
value-measure-pembelian = Purchases of { $buyer } from { $seller }
value-measure-investasi = Investment of { $pair }
value-measure-perdagangan = Trade between { $pair }
value-measure-potensi = Potential transactions of { $pair }
value-measure-surplus = The trade surplus of { $pair }
value-line = { $what } { $period }: { $amount }{ $status }.
value-in-event = at the { $title } ({ $date }, { $city })
value-status-sementara = (interim figure, counted while the event was still going on)
value-status-sebelumnya = (an earlier mission's result)
agreement-line = { $title }: { $kind } between { $parties }, signed on { $date }{ $event ->
    [none] {""}
   *[other] {" "}during { $event }
}.
agreement-purpose = Its purpose: { $purpose }.
ans-agreement-count = { $title }: { $count } { $kind }.
commodity-unggulan = Flagship commodities of { $province }: { $items }. { $note }
commodity-jual = Commodities sold by { $province }{ $markets ->
    [none] {""}
   *[other] {" "}to { $markets }
}: { $items }. { $note }
commodity-beli = Commodities bought by { $province }{ $markets ->
    [none] {""}
   *[other] {" "}from { $markets }
}: { $items }. { $note }
commodity-investasi = Investment of { $province } in: { $items }. { $note }
official-line-office = { $name } is { $office }.
official-represents = They attended on behalf of { $name } ({ $office }).
role-pj-gubernur = Acting Governor
role-sekretaris-daerah = Regional Secretary
count-line = Number of { $what } { $pair ->
    [none] {""}
   *[other] ({ $pair })
}: { $value }.
count-event = Number of { $what } at the { $title } ({ $date }): { $value }.
count-ordinal = { $event ->
    [none] {""}
   *[other] { $event }:{" "}
}{ $what } no. { $value }.
kind-label-counts = count
admin-kind-counts = Count (participants, deals)
ask-jm-count = How many { $subject }?
admin-choice-up_to = up to
admin-choice-kerja-sama = cooperation value
admin-choice-transaksi = transactions
admin-choice-penjualan = sales
admin-choice-pembelian = purchases
admin-choice-investasi = investment
admin-choice-perdagangan = trade
admin-choice-potensi = potential
admin-choice-surplus = surplus
admin-choice-final = final figure
admin-choice-sementara = interim figure
admin-choice-sebelumnya = earlier mission
admin-choice-unggulan = flagship
admin-choice-jual = sold
admin-choice-beli = bought
admin-choice-loi = letter of intent (LoI)
admin-choice-pj-gubernur = acting governor
admin-choice-sekretaris-daerah = regional secretary
admin-choice-wakil-bupati = deputy regent
admin-choice-wakil-wali-kota = deputy mayor
admin-label-status = Status of the figure
admin-label-seller = Selling province
admin-label-buyer = Buying province
admin-label-count = Count
admin-label-office = Office as written
admin-label-represents = On behalf of
admin-label-direction = Direction
admin-label-what = What is counted
admin-hint-cooperationValues-measure = What this figure measures: cooperation value, mission transactions, sales, purchases, investment, trade, potential or surplus.
admin-hint-cooperationValues-period = A year (2024), a span (2022-2024), “kumulatif 8/5/2025”, “acara 8/5/2025”, “semester 1 2022” or “per tahun 8/5/2025”.
admin-hint-seller = The selling province (for sales and purchases), e.g. Jatim.
admin-hint-buyer = The buying province, e.g. Banten.
admin-hint-agreements-provinces = For a signing between provinces, e.g. Kepri, Jateng, Lampung, Malut.
admin-hint-count = How many, e.g. 14.
admin-hint-office = E.g. Kepala Otoritas Jasa Keuangan (OJK) Jatim.
admin-hint-represents = Name of the official represented, e.g. Khofifah Indar Parawansa.
admin-hint-what = E.g. pelaku usaha, transaksi, pelaku usaha Jatim.
admin-action-ingest = added from a release
cmd-rilis = Read a press release into the data (admins)
rilis-ask = Please send the press release: paste its text (in several messages if needed), forward the channel post, or send a .txt, .docx or .pdf file (at most { $max }). Type /batal to leave.
rilis-more = Part { $n } received. Send the next part if there is one, then press Done.
rilis-btn-done = Done
rilis-too-big = The file is too large. At most { $max }.
rilis-format = This file format cannot be read yet. Please send .txt, .docx or .pdf.
rilis-expect = Please send the text of the press release or its file.
rilis-found = From “{ $title }”, { $n } facts were read. ➕ new, ✔️ already in the data (not added again), ⚠️ differs from the stored data (the stored data is kept), ✖️ not saved.
rilis-known = already in the data
rilis-stored = Stored: { $value }
rilis-how = Type “hapus 3 5” to leave out facts 3 and 5, “kembalikan 3” to keep it again, or “pakai 7” to replace the stored data with the release's figure. Press Save when it is right.
rilis-nothing-new = Every fact of this release is already in the data. There is nothing to save.
rilis-label = release
