package synth

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Event texts are templates in en, ru and kk. Words in braces are filled
// in per person and event: pronouns and Russian gender endings, the city,
// court, facility, term and so on (see expand).

type tmpl = name3

var eventTexts = map[string][]tmpl{
	"detained": {
		{"Police detain {him} in {city} and take {him} to a pretrial detention centre.", "Полиция задерживает {его} в городе {city} и помещает в следственный изолятор.", "Полиция оны {city} қаласында ұстап, тергеу изоляторына қамайды."},
		{"{He} is detained after posting criticism of the authorities on social media.", "{Он} задержан{а} после публикации критики властей в социальных сетях.", "Ол билікті әлеуметтік желіде сынағаннан кейін ұсталады."},
		{"{He} is detained at a peaceful rally in {city}.", "{Он} задержан{а} на мирном митинге в городе {city}.", "Ол {city} қаласындағы бейбіт митингте ұсталады."},
		{"Security service officers search {his} home in {city} and detain {him}.", "Сотрудники спецслужб проводят обыск в {его} доме в городе {city} и задерживают {его}.", "Арнаулы қызмет қызметкерлері оның {city} қаласындағы үйін тінтіп, оны ұстайды."},
	},
	"house_arrest": {
		{"A court in {city} places {him} under house arrest.", "Суд в городе {city} помещает {его} под домашний арест.", "{city} қаласындағы сот оны үй қамауына алады."},
	},
	"restricted": {
		{"Investigators ban {him} from leaving {city} while the case is open.", "Следователи запрещают {ему} покидать город {city}, пока идёт следствие.", "Тергеушілер тергеу кезінде оған {city} қаласынан шығуға тыйым салады."},
	},
	"charged": {
		{"{He} is charged with {charge}.", "{Ему} предъявлено обвинение: {charge}.", "Оған айып тағылады: {charge}."},
		{"Investigators bring charges of {charge} against {him}.", "Следствие предъявляет {ему} обвинение по статье: {charge}.", "Тергеу оған айып тағады: {charge}."},
	},
	"trial": {
		{"{His} trial opens ({court}).", "Начинается судебный процесс ({court}).", "Сот процесі басталады ({court})."},
		{"{He} tells the court that {he} is innocent and that the case is political ({court}).", "{Он} заявляет в суде, что невиновн{ен} и что дело политическое ({court}).", "Ол сотта өзін кінәсіз санайтынын және істің саяси екенін айтады ({court})."},
	},
	"sentenced.prison": {
		{"The court sentences {him} to {term} in prison ({court}).", "Суд приговаривает {его} к {term} лишения свободы ({court}).", "Сот оны {term} бас бостандығынан айыруға кеседі ({court})."},
	},
	"sentenced.restricted_freedom": {
		{"The court sentences {him} to {term} of restricted freedom ({court}).", "Суд приговаривает {его} к {term} ограничения свободы ({court}).", "Сот оны {term} бас бостандығын шектеуге кеседі ({court})."},
	},
	"sentenced.suspended": {
		{"The court gives {him} a suspended sentence of {term} ({court}).", "Суд приговаривает {его} к {term} лишения свободы условно ({court}).", "Сот оны {term} шартты түрде бас бостандығынан айыруға кеседі ({court})."},
	},
	"sentenced.probation": {
		{"The court sentences {him} to {term} of probation ({court}).", "Суд приговаривает {его} к {term} пробационного контроля ({court}).", "Сот оны {term} пробациялық бақылауға кеседі ({court})."},
	},
	"sentenced.fine": {
		{"The court finds {him} guilty and fines {him} {amount} ({court}).", "Суд признаёт {его} виновн{ым} и назначает штраф {amount} ({court}).", "Сот оны кінәлі деп танып, {amount} айыппұл салады ({court})."},
	},
	"sentenced.time_served": {
		{"The court finds {him} guilty, sentences {him} to the time already served, and {he} is released ({court}).", "Суд признаёт {его} виновн{ым}, назначает наказание в пределах отбытого срока, и {он} выходит на свободу ({court}).", "Сот оны кінәлі деп танып, өтелген мерзіммен жазалайды, ол босатылады ({court})."},
	},
	"sentenced.none": {
		{"The court finds {him} guilty but imposes no punishment ({court}).", "Суд признаёт {его} виновн{ым}, но не назначает наказания ({court}).", "Сот оны кінәлі деп танығанымен, жаза тағайындамайды ({court})."},
	},
	"appeal": {
		{"The appeals court turns down {his} appeal ({court}).", "Апелляционный суд отклоняет {его} жалобу ({court}).", "Апелляциялық сот оның шағымын қанағаттандырусыз қалдырады ({court})."},
		{"The appeals court upholds the verdict; {his} lawyers say they will go to the Supreme Court ({court}).", "Апелляционный суд оставляет приговор в силе; адвокаты намерены обратиться в Верховный суд ({court}).", "Апелляциялық сот үкімді күшінде қалдырады; адвокаттар Жоғарғы Сотқа жүгінбек ({court})."},
	},
	"appeal.reduced": {
		{"On appeal, the court reduces {his} prison term to {term} ({court}).", "Апелляционный суд смягчает приговор до {term} лишения свободы ({court}).", "Апелляциялық сот жазаны {term} бас бостандығынан айыруға дейін жеңілдетеді ({court})."},
	},
	"sentence_changed": {
		{"A court replaces the rest of {his} prison term with {term} of restricted freedom.", "Суд заменяет {ему} оставшийся срок лишения свободы ограничением свободы на {term}.", "Сот оның қалған жазасын {term} бас бостандығын шектеумен алмастырады."},
	},
	"released": {
		{"{He} is released after serving {his} term.", "{Он} выходит на свободу, полностью отбыв срок.", "Ол жазасын толық өтеп, бостандыққа шығады."},
		{"A court grants {him} parole and {he} is released.", "Суд освобождает {его} условно-досрочно.", "Сот оны шартты түрде мерзімінен бұрын босатады."},
	},
	"released.pretrial": {
		{"{He} is released from custody while the investigation continues.", "{Он} освобожден{а} из-под стражи, следствие продолжается.", "Ол қамаудан босатылады, тергеу жалғасуда."},
	},
	"acquitted": {
		{"The court acquits {him} and {he} is released ({court}).", "Суд оправдывает {его}, и {он} выходит на свободу ({court}).", "Сот оны ақтайды, ол бостандыққа шығады ({court})."},
	},
	"pardoned": {
		{"The President pardons {him} and {he} is released.", "Президент милует {его}, и {он} выходит на свободу.", "Президент оны кешіреді, ол бостандыққа шығады."},
	},
	"amnesty": {
		{"{He} is released under an amnesty.", "{Он} освобожден{а} по амнистии.", "Ол рақымшылық бойынша босатылады."},
	},
	"died": {
		{"{He} dies in custody; relatives say {he} had been denied medical care.", "{Он} умирает под стражей; родственники говорят, что {ему} отказывали в медицинской помощи.", "Ол қамауда қайтыс болады; туыстарының айтуынша, оған медициналық көмек көрсетілмеген."},
	},
	"died.free": {
		{"{He} dies after a long illness; supporters blame the years of prosecution.", "{Он} умирает после долгой болезни; сторонники винят в этом годы преследования.", "Ол ұзақ аурудан кейін қайтыс болады; жақтастары мұны жылдар бойғы қудалаумен байланыстырады."},
	},
	"recognized": {
		{"{by} recognizes {him} as a political prisoner.", "{by} признаёт {его} политзаключённ{ым}.", "{by} оны саяси тұтқын деп таниды."},
	},
	"delisted": {
		{"{by} removes {him} from its list of political prisoners.", "{by} исключает {его} из списка политзаключённых.", "{by} оны саяси тұтқындар тізімінен шығарады."},
	},
	"hunger_strike": {
		{"{He} goes on hunger strike in protest against {his} prosecution.", "{Он} объявляет голодовку в знак протеста против преследования.", "Ол қудалауға наразылық ретінде аштық жариялайды."},
		{"{He} ends a hunger strike of several weeks after {his} family's appeal.", "{Он} прекращает многонедельную голодовку по просьбе семьи.", "Ол отбасының өтінішімен бірнеше аптаға созылған аштықты тоқтатады."},
	},
	"health": {
		{"Relatives say {his} health has worsened and {he} is denied medical care.", "Родственники сообщают, что {его} здоровье ухудшилось, а в медицинской помощи {ему} отказывают.", "Туыстары оның денсаулығы нашарлағанын, ал медициналық көмек көрсетілмейтінін айтады."},
		{"{He} is taken to a prison hospital after a heart attack.", "После сердечного приступа {его} переводят в тюремную больницу.", "Жүрек талмасынан кейін ол түрме ауруханасына жеткізіледі."},
	},
	"transferred": {
		{"{He} is transferred to another facility, far from {his} family.", "{Его} этапируют в другое учреждение, далеко от семьи.", "Ол отбасынан алыс басқа мекемеге ауыстырылады."},
		{"{He} is moved to a penal colony to serve {his} sentence.", "{Его} переводят в исправительную колонию для отбывания наказания.", "Ол жазасын өтеу үшін түзеу колониясына ауыстырылады."},
	},
	"confirmed": {
		{"{His} lawyer says {he} is still held and has not been allowed visits.", "Адвокат сообщает, что {он} по-прежнему под стражей и свидания {ему} не разрешают.", "Адвокатының айтуынша, ол әлі де қамауда, оған кездесулерге рұқсат берілмейді."},
		{"A rights group's updated list still names {him} among those held.", "В обновлённом списке правозащитников {он} по-прежнему числится среди заключённых.", "Құқық қорғаушылардың жаңартылған тізімінде ол әлі де тұтқындар қатарында."},
	},
	"other": {
		{"{His} lawyer says {he} was pressured to confess.", "Адвокат заявляет, что на {его} оказывали давление, добиваясь признания.", "Адвокатының айтуынша, оған кінәсін мойындау үшін қысым көрсетілген."},
		{"Supporters hold a picket in {city} demanding {his} release.", "Сторонники проводят пикет в городе {city}, требуя {его} освобождения.", "Жақтастары {city} қаласында оны босатуды талап етіп, пикет өткізеді."},
		{"The UN Working Group on Arbitrary Detention calls {his} detention arbitrary.", "Рабочая группа ООН по произвольным задержаниям признаёт {его} содержание под стражей произвольным.", "БҰҰ-ның ерікті түрде ұстау жөніндегі жұмыс тобы оны қамауда ұстауды заңсыз деп таниды."},
	},
}

// Second sentences that some events get, for realistic lengths.
var addenda = []tmpl{
	{"The hearing is closed to the press.", "Заседание проходит в закрытом режиме.", "Сот отырысы жабық өтеді."},
	{"Observers were not allowed into the courtroom.", "Наблюдателей в зал суда не пустили.", "Бақылаушылар сот залына кіргізілмеді."},
	{"{His} relatives learned of it only a week later.", "Родственники узнали об этом лишь неделю спустя.", "Туыстары бұл туралы бір аптадан кейін ғана білді."},
	{"Human rights defenders call the case politically motivated.", "Правозащитники называют дело политически мотивированным.", "Құқық қорғаушылар бұл істі саяси астары бар деп санайды."},
	{"{His} lawyer was not present.", "Адвокат при этом не присутствовал.", "Адвокаты қатыспады."},
	{"The source gives no exact date.", "Источник не называет точной даты.", "Дереккөз нақты күнін көрсетпейді."},
}

// pron holds the words that depend on a person's gender.
type pron struct {
	en, ru map[string]string
}

var pronouns = map[string]pron{
	"male": {
		en: map[string]string{"He": "He", "he": "he", "him": "him", "his": "his", "His": "His"},
		ru: map[string]string{"Он": "Он", "он": "он", "его": "его", "Его": "Его", "ему": "ему", "Ему": "Ему", "а": "", "ым": "ым", "ен": "ен", "ним": "ним"},
	},
	"female": {
		en: map[string]string{"He": "She", "he": "she", "him": "her", "his": "her", "His": "Her"},
		ru: map[string]string{"Он": "Она", "он": "она", "его": "её", "Его": "Её", "ему": "ей", "Ему": "Ей", "а": "а", "ым": "ой", "ен": "а", "ним": "ней"},
	},
}

// expand fills a template's {words} from vars, then from the pronouns.
func expand(s string, pr map[string]string, vars map[string]string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		key := s[i+1 : i+j]
		if v, ok := vars[key]; ok {
			b.WriteString(v)
		} else if v, ok := pr[key]; ok {
			b.WriteString(v)
		} else {
			panic("synth: no value for {" + key + "} in " + s)
		}
		s = s[i+j+1:]
	}
	out := b.String()
	// A sentence that starts with a filled-in word starts with a capital.
	return upperFirst(out)
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if u := unicode.ToUpper(r); u != r {
		return string(u) + s[size:]
	}
	return s
}

// term is a sentence term.
type term struct{ y, m, d int }

func (t term) String() string {
	var b strings.Builder
	if t.y > 0 {
		fmt.Fprintf(&b, "%dy", t.y)
	}
	if t.m > 0 {
		fmt.Fprintf(&b, "%dm", t.m)
	}
	if t.d > 0 {
		fmt.Fprintf(&b, "%dd", t.d)
	}
	return b.String()
}

func (t term) zero() bool { return t == term{} }

// en writes the term in English: "7 years", "1 year and 6 months".
func (t term) en() string {
	var parts []string
	add := func(n int, one, many string) {
		if n == 1 {
			parts = append(parts, "1 "+one)
		} else if n > 1 {
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(t.y, "year", "years")
	add(t.m, "month", "months")
	add(t.d, "day", "days")
	return strings.Join(parts, " and ")
}

// ru writes the term in Russian in the given case: "dat" (к 7 годам),
// "gen" (до 7 лет) or "acc" (на 7 лет).
func (t term) ru(grammaticalCase string) string {
	forms := map[string][3][3]string{ // case -> unit -> one, few, many
		"dat": {{"году", "годам", "годам"}, {"месяцу", "месяцам", "месяцам"}, {"дню", "дням", "дням"}},
		"gen": {{"года", "лет", "лет"}, {"месяца", "месяцев", "месяцев"}, {"дня", "дней", "дней"}},
		"acc": {{"год", "года", "лет"}, {"месяц", "месяца", "месяцев"}, {"день", "дня", "дней"}},
	}[grammaticalCase]
	var parts []string
	for u, n := range []int{t.y, t.m, t.d} {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, forms[u][ruForm(n)]))
		}
	}
	return strings.Join(parts, " и ")
}

// ruForm is the Russian plural form of n: 0 one, 1 few, 2 many.
func ruForm(n int) int {
	switch {
	case n%10 == 1 && n%100 != 11:
		return 0
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return 1
	}
	return 2
}

// kk writes the term in Kazakh with the dative ending: "7 жылға",
// "1 жыл 6 айға".
func (t term) kk() string {
	var parts []string
	units := []string{"жыл", "ай", "күн"}
	endings := []string{"ға", "ға", "ге"}
	last := -1
	for u, n := range []int{t.y, t.m, t.d} {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, units[u]))
			last = u
		}
	}
	if last < 0 {
		return ""
	}
	return strings.Join(parts, " ") + endings[last]
}

// Profile sentences: the first paragraph is built from the person's facts,
// the second from these.
var profileFiller = []tmpl{
	{"Human rights defenders who followed the case say the charges were brought because of {his} public criticism of the authorities.", "Правозащитники, следившие за делом, считают, что обвинения связаны с {его} публичной критикой властей.", "Істі бақылаған құқық қорғаушылар айыптар оның билікті ашық сынауына байланысты деп санайды."},
	{"{His} family was not allowed to see {him} for several months after the arrest.", "После ареста семье несколько месяцев не разрешали свидания с {ним}.", "Қамауға алынғаннан кейін отбасына онымен бірнеше ай бойы кездесуге рұқсат берілмеді."},
	{"The trial was held behind closed doors, and observers say the court ignored the defence's evidence.", "Процесс прошёл в закрытом режиме; наблюдатели говорят, что суд проигнорировал доводы защиты.", "Сот процесі жабық өтті; бақылаушылар сот қорғаудың дәлелдерін елемеді дейді."},
	{"{He} has denied the charges throughout and calls the case politically motivated.", "{Он} с самого начала отрицает обвинения и называет дело политически мотивированным.", "Ол айыптарды басынан бері мойындамай, істі саяси астары бар деп атайды."},
	{"Before the arrest, {he} had been warned by the police several times about {his} posts on social media.", "До ареста полиция несколько раз предупреждала {его} из-за публикаций в социальных сетях.", "Қамауға дейін полиция оны әлеуметтік желідегі жазбалары үшін бірнеше рет ескерткен."},
	{"Colleagues describe {him} as a quiet person who became involved in public life only a few years earlier.", "Коллеги описывают {его} как спокойного человека, который занялся общественной деятельностью лишь несколько лет назад.", "Әріптестері оны қоғамдық өмірге бірнеше жыл бұрын ғана араласқан сабырлы адам ретінде сипаттайды."},
	{"International organizations have called for {his} release more than once.", "Международные организации неоднократно призывали к {его} освобождению.", "Халықаралық ұйымдар оны босатуды бірнеше рет талап етті."},
	{"{His} lawyers say the case rests on the testimony of anonymous witnesses.", "Адвокаты указывают, что обвинение строится на показаниях засекреченных свидетелей.", "Адвокаттары іс құпия куәлардың айғақтарына негізделген дейді."},
}
