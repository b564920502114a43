#pragma once
// Types and helpers shared by the parts of the frames: clause walking and subjects (frames.cpp),
// objects (frames_objects.cpp), the parties of a frame (frames_parties.cpp) and of a signature
// (frames_signatures.cpp). Internal to lib/extract.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/analysis.hpp"

namespace liaison::extract::frames_detail {

struct Participant {
    std::uint32_t entity = kNone;       // kNone for a counterpart not yet resolved
    std::uint32_t first = 0, last = 0;  // tokens
    std::uint32_t start = 0, end = 0;
    std::uint8_t flags = 0;                     // clitics of the first token
    std::uint32_t counterpart_country = kNone;  // نظيره الإسباني
    bool counterpart = false;
    bool adjective = false;  // a country by its adjective
};

struct Trigger {
    std::size_t item;
    std::uint32_t first, last;  // tokens
    const FrameInfo* frame;
    std::uint8_t flags;
    const std::string* relation = nullptr;  // when another trigger of the clause names it
};

// The mentions a frame can link, in reading order, with نظيره and its kind as participants.
std::vector<Participant> participants(Analysis& a, const SentenceState& st);
// The entity a counterpart (نظيره الإسباني) stands for, given the subject it is the peer of.
std::uint32_t resolve_counterpart(Analysis& a, const Participant& p, std::uint32_t subject);
// A title at token `from` set apart from its name by a comma: the named person of `list` (from
// index i) it stands for, or nullptr.
const Participant* apposed_name(const Analysis& a, const SentenceState& st,
                                const std::vector<const Participant*>& list, std::size_t i,
                                std::uint32_t from);
// The host country a visit names as المملكة / البلاد between the trigger and `right`.
bool home_visited(Analysis& a, const SentenceState& st, const Trigger& tr, std::uint32_t right,
                  std::uint32_t visitor, Participant& out);
// Delegations (frames_delegations.cpp): a word for one (وفد، الوفود، delegation), and the
// participants of a delegation whose head is stated, replaced by that head.
bool delegation_word(std::u32string_view w);
void through_heads(Analysis& a, const SentenceState& st, std::vector<Participant>& out);
// A country adjective of a delegation or of peers (الوفد الإسباني، نظيريه الأردني).
bool of_delegation(const Analysis& a, const SentenceState& st, const Participant& p);
// "X والوفد المرافق له قد زاروا": a person and the delegation with them before a plural verb.
bool led_delegation_before(const Analysis& a, const SentenceState& st, const Trigger& tr,
                           const std::vector<const Participant*>& before);
// الذي، التي، الذين at `token`.
bool relative(const Analysis& a, std::uint32_t token);
// A verb or verbal noun behind the ل of purpose (لبحث، ليلتقي): what a trip is for, no fact.
bool purpose(const Analysis& a, const Item& it, const FrameInfo& frame);
// A signing word whose own object is minutes or a statement (وقع الجانبان محضرا): no fact.
bool signs_minutes(const Analysis& a, const SentenceState& st, std::size_t k,
                   const FrameInfo& frame);
// A news agency (of a credit line): never a subject.
bool news_agency(const Analysis& a, const Participant& p);
// أن / إن between two tokens: reported speech.
bool said_before(const Analysis& a, std::uint32_t from, std::uint32_t to);
// An English trigger.
bool latin(const Analysis& a, const Trigger& tr);
// "كان في استقباله X": the reception with the guest as its pronoun, and the fact it gives.
bool welcome_of_guest(const Analysis& a, const SentenceState& st, const Trigger& tr,
                      const std::vector<const Participant*>& after);
void reception_of_guest(Analysis& a, const SentenceState& st, const Trigger& tr,
                        const std::vector<const Participant*>& before,
                        const std::vector<const Participant*>& after, bool planned,
                        std::uint32_t followed);
Label label_of(const Analysis& a, const Participant& p);
bool is_place(const Analysis& a, const Participant& p);
// A participant standing where mention `m` stands, with the clitics of its first token.
Participant participant_at(const Mention& m, const SentenceState& st);
StopRole role_before(const Analysis& a, const SentenceState& st, std::uint32_t token,
                     std::uint32_t limit);
std::size_t content_between(const Analysis& a, const SentenceState& st, std::uint32_t from,
                            std::uint32_t to);
std::size_t undated_between(const Analysis& a, const SentenceState& st, std::uint32_t from,
                            std::uint32_t to);
bool list_glue(const Analysis& a, const SentenceState& st, std::uint32_t from, std::uint32_t to);
void add_fact(Analysis& a, const SentenceState& st, const FrameInfo& frame,
              const std::string& relation, Voice voice, std::uint32_t subject,
              const Participant* subject_p, const Participant& o, std::uint32_t obj,
              std::uint32_t trigger_start, std::uint32_t trigger_end, bool planned, bool from_topic,
              bool countries);

// Clauses (frames_clauses.cpp): triggers merged into one fact or dropped as adverbials, where
// the trigger's clause ends before `right` (a comma and a relative pronoun), كما / ثم before
// the verb, and whether the fact of triggers[t] is planned or negated.
void merge_triggers(const Analysis& a, const SentenceState& st, std::vector<Trigger>& triggers,
                    const std::vector<Participant>& ps);
bool carried_on(const Analysis& a, const SentenceState& st, const Trigger& tr);  // كما، ثم
// "بحث … في اتصال مرئي مع نظيره"، "in a phone call with": talks by telephone or video between
// `left` and `right`: no meeting.
bool by_call(const Analysis& a, std::uint32_t left, std::uint32_t right);
std::uint32_t clause_end(const Analysis& a, const SentenceState& st, const Trigger& tr,
                         std::uint32_t right);
void modality_of(const Analysis& a, const SentenceState& st, const std::vector<Trigger>& triggers,
                 std::size_t t, std::uint32_t left, std::uint32_t right, bool& planned,
                 bool& negated);
// "بحث X مع Y، خلال استقباله له": a noun of reception with the guest as له restates the meeting
// told before it in the sentence (facts from `since`): `host` received its other party. Whether
// the trigger was such a noun.
bool restated_reception(Analysis& a, const Trigger& tr, std::size_t since, std::uint32_t host,
                        bool planned);
// "وناقش معه": talks with the party of the sentence's last reception (facts from `since`).
bool talks_with_pronoun(Analysis& a, const Trigger& tr, std::size_t since);
// A meeting whose list of countries follows the full stop (…مع رؤساء وفود الدول المشاركة.
// ضمنها قطر، تركيا…).
struct Pending {
    std::uint32_t subject = kNone;
    const FrameInfo* frame = nullptr;
    bool planned = false, from_topic = false;
    std::uint32_t trigger_start = 0, trigger_end = 0;
};
void countries_after_stop(Analysis& a, const SentenceState& st, const std::vector<Participant>& ps,
                          const Pending& pending);
// Groups (frames_groups.cpp). A party joined to the one before it by و, also through a
// counterpart word (X ونظيرته الألمانية Y); the end of the run of persons so joined from list[i].
bool joined_party(const Analysis& a, const SentenceState& st, const Participant& prev,
                  const Participant& p);
std::size_t joined_persons(const Analysis& a, const SentenceState& st,
                           const std::vector<const Participant*>& list, std::size_t i);
// The next person of a list of titles and names, or after a posting (، وقائد الجيش العماد X).
bool listed_next(const Analysis& a, const SentenceState& st, const Participant& prev,
                 const Participant& p);
// "زيارة قامت بها A وB": the agents of a nominal trigger follow it (before token `limit`).
bool agents_follow(const Analysis& a, const Trigger& tr, std::uint32_t limit);
// أن / إن / بأن right before token `first`: reported speech, whose subject comes first.
bool that_before(const Analysis& a, const SentenceState& st, std::uint32_t first);
// A noun of visit whose visitor follows behind ل, before إلى and the destination (زيارة مرتقبة
// للوزير X إلى عدن); `after` holds the participants after the noun, in order.
bool visitor_behind_lam(const Analysis& a, const SentenceState& st, const Trigger& noun,
                        const std::vector<const Participant*>& after);
// A verb in the dual or plural (التقوا، يتنقلان); an office in the dual (الوزيران).
bool plural_verb(const Analysis& a, const Trigger& tr);
std::string dual_office(const Analysis& a, const Item& it);  // its head word (وزير), or ""
// The persons a dual or plural stands for: `group` (the last compound subject), else the two
// persons of the last meeting or reception, holders of the office `head` first.
std::vector<std::uint32_t> last_group(const Analysis& a, const std::vector<std::uint32_t>& group,
                                      const std::string& head);

// "بحث سموه مع ضيفيه": the persons `subject` last received or met in one clause, standing where
// the dual of guest stands after the trigger; none without that word.
std::vector<Participant> guests_after(const Analysis& a, const SentenceState& st, const Trigger& tr,
                                      std::uint32_t right, std::uint32_t subject);
// "اجتماع ثنائي بين الوزيرين"، "جلسة مباحثات بين الجانبين": a dual office (its head word in
// `head`) or the two sides after بين, close to the trigger.
bool dual_between(const Analysis& a, const SentenceState& st, const Trigger& tr,
                  std::uint32_t right, std::string& head);
// A meeting whose only parties are a dual or plural: `subject` meets each of `others` (not from
// a headline, once per pair in a sentence).
void meet_within_group(Analysis& a, const SentenceState& st, const Trigger& tr, Voice voice,
                       std::uint32_t subject, const Participant* subject_p,
                       const std::vector<std::pair<std::uint32_t, const Participant*>>& others,
                       bool planned);

// A chaired meeting: the chair meets each participant listed after شارك فيه / بمشاركة, and
// co-chairs (ترأس الجانب A X، فيما ترأس الجانب B Y) meet each other. Whether it added facts.
bool chaired(Analysis& a, const SentenceState& st, const std::vector<Trigger>& triggers,
             std::size_t t, const std::vector<Participant>& ps, bool planned);

// Signatures (frames_signatures.cpp): each adds the facts of one way of naming the parties and
// tells whether it found them.
// The relation a trigger states (a bare verb of signing takes its kind from a noun of signing a
// few words on or before it, else from the last signature reported).
std::string relation_of(const Analysis& a, const SentenceState& st, const Trigger& tr);
// A party named after a word of purpose behind a noun of signing (مذكرة تفاهم لدعم …): no
// signatory.
bool behind_purpose(const Analysis& a, const SentenceState& st, const Trigger& tr,
                    const Participant& p);
bool sign_dual(Analysis& a, const SentenceState& st, const FrameInfo& frame, const std::string& rel,
               const Trigger& tr, std::uint32_t from, bool planned);
bool sign_between(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                  const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned);
bool sign_generic(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                  const std::string& rel, const Trigger& tr, std::uint32_t left,
                  std::uint32_t right, bool planned);
bool sign_joined_before(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                        const std::string& rel, const Trigger& tr, std::uint32_t left, bool planned,
                        const std::vector<Participant>& ps);
// "It was signed by A, Director …, and B, Director …": the persons after the agent (by), the
// first and the one after "and", sign with each other.
bool sign_by_agents(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                    const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned,
                    const std::vector<Participant>& ps);
// "تم توقيع المذكرة من قبل X، وY"، "ووقع المذكرة عن الجانبين X، وY": the two persons after an
// Arabic agent phrase (frames_agents.cpp) sign with each other.
bool sign_by_arabic_agents(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                           const std::string& rel, const Trigger& tr, std::uint32_t right,
                           bool planned, const std::vector<Participant>& ps);
// "ووقعها اللواء X، القائد العام لشرطة الشارقة، والسيد Y، مدير عام الهيئة": two signers after
// the verb, the first one's office in commas, sign with each other.
// "حظي X لدى وصوله … باستقبال Y": a reception whose verb and noun stand apart.
bool granted_reception(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                       const Trigger& tr, std::uint32_t left, std::uint32_t right, bool planned,
                       const std::vector<Participant>& ps);
bool sign_apposed_signers(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                          const std::string& rel, const Trigger& tr, std::uint32_t right,
                          bool planned, const std::vector<Participant>& ps);
bool sign_joined_after(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                       const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned,
                       const std::vector<Participant>& ps);
bool sign_for_sides(Analysis& a, const SentenceState& st, const FrameInfo& frame,
                    const std::string& rel, const Trigger& tr, std::uint32_t right, bool planned,
                    const std::vector<Participant>& ps);

// The steps of find_frames for one trigger (frames.cpp, frames_objects.cpp).
// A trigger in its sentence: its clause runs from `left` to `right`, `before` and `after` hold
// the participants on either side of the trigger within it.
struct Clause {
    const SentenceState& st;
    const std::vector<Trigger>& triggers;
    std::size_t t;  // the trigger's index in `triggers`
    const Trigger& tr;
    const std::vector<Participant>& ps;  // the sentence's
    std::string rel;
    std::uint32_t left = 0, right = 0;
    bool planned = false;
    std::vector<const Participant*> before{}, after{};
    bool visit = false, english = false;
    Voice voice = Voice::Active;  // the frame's, made passive by an agent phrase
    std::size_t agent = 0;        // the index in `after` of the agent, after.size() for none
};
// The subject of a trigger's facts (frames.cpp).
struct Subject {
    std::uint32_t entity = kNone;
    const Participant* p = nullptr;  // where the subject is written, if it is
    // Subjects joined to the first by و (X وY، X ونظيرته Y), or the group a dual or plural stands
    // for: one fact each.
    std::vector<std::pair<std::uint32_t, const Participant*>> co_subjects;
    std::size_t objects_from = 0;  // objects are looked for from after[objects_from] on
    bool from_topic = false;       // not written: the last subject or the article's topic
    bool of_group = false;         // a dual or plural standing for the last group
};
// The objects of a trigger's facts (frames_objects.cpp). `list` may point into `dropped`, `host`
// and `guests`, which no mention of the sentence stands for.
struct Objects {
    std::vector<const Participant*> list;
    bool countries = false;  // countries listed as parties
    Participant dropped;     // a passive's subject left unwritten
    Participant host;        // the host country a visit names as المملكة / البلاد
    std::vector<Participant> guests;
};
// What the frames carry from one sentence to the next.
struct Discourse {
    std::uint32_t last_subject = kNone;  // the last person named as a subject
    std::vector<std::uint32_t> group;    // the last persons named together as a subject
    Pending pending;                     // a meeting whose list of countries follows the stop
};
// Finds the objects, and the subject again where they show another: a visitor by nationality,
// or after كما the subject before this trigger's (`previous_subject`), which becomes the last
// subject again. A meeting whose countries are not found yet waits in `d.pending`.
void find_objects(Analysis& a, const Clause& c, Subject& s, std::uint32_t previous_subject,
                  Discourse& d, Objects& o);
// One fact for each object, and for each co-subject with it (`taken` gathers the objects); with
// none, the members of a group meet each other.
void object_facts(Analysis& a, const Clause& c, const Subject& s, const Objects& objects,
                  std::vector<std::uint32_t>& taken, Discourse& d);

}  // namespace liaison::extract::frames_detail
