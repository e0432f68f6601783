package synth

// The word lists the generator draws from. Each name is given in Latin
// script (the default language's), Russian and Kazakh Cyrillic.

type name3 struct{ en, ru, kk string }

var maleKazakh = []name3{
	{"Nurlan", "Нурлан", "Нұрлан"}, {"Serik", "Серик", "Серік"}, {"Qairat", "Кайрат", "Қайрат"},
	{"Asqar", "Аскар", "Асқар"}, {"Erlan", "Ерлан", "Ерлан"}, {"Marat", "Марат", "Марат"},
	{"Dauren", "Даурен", "Дәурен"}, {"Erzhan", "Ержан", "Ержан"}, {"Bolat", "Болат", "Болат"},
	{"Daniyar", "Данияр", "Данияр"}, {"Arman", "Арман", "Арман"}, {"Azamat", "Азамат", "Азамат"},
	{"Talgat", "Талгат", "Талғат"}, {"Zhanbolat", "Жанболат", "Жанболат"}, {"Baurzhan", "Бауржан", "Бауыржан"},
	{"Galym", "Галым", "Ғалым"}, {"Nurzhan", "Нуржан", "Нұржан"}, {"Almas", "Алмас", "Алмас"},
	{"Aidos", "Айдос", "Айдос"}, {"Aibek", "Айбек", "Айбек"}, {"Erbol", "Ербол", "Ербол"},
	{"Qanat", "Канат", "Қанат"}, {"Mukhtar", "Мухтар", "Мұхтар"}, {"Abai", "Абай", "Абай"},
	{"Askhat", "Асхат", "Асхат"}, {"Berik", "Берик", "Берік"}, {"Dias", "Диас", "Диас"},
	{"Zhandos", "Жандос", "Жандос"}, {"Kenzhebek", "Кенжебек", "Кенжебек"}, {"Maqsat", "Максат", "Мақсат"},
	{"Murat", "Мурат", "Мұрат"}, {"Nurbol", "Нурбол", "Нұрбол"}, {"Olzhas", "Олжас", "Олжас"},
	{"Rustem", "Рустем", "Рүстем"}, {"Samat", "Самат", "Самат"}, {"Sanzhar", "Санжар", "Санжар"},
	{"Sultan", "Султан", "Сұлтан"}, {"Temirlan", "Темирлан", "Темірлан"}, {"Ulan", "Улан", "Ұлан"},
	{"Erkebulan", "Еркебулан", "Еркебұлан"}, {"Zhasulan", "Жасулан", "Жасұлан"}, {"Amanzhol", "Аманжол", "Аманжол"},
	{"Beibit", "Бейбит", "Бейбіт"}, {"Darkhan", "Дархан", "Дархан"}, {"Ermek", "Ермек", "Ермек"},
	{"Galymzhan", "Галымжан", "Ғалымжан"}, {"Islam", "Ислам", "Ислам"}, {"Madi", "Мади", "Мәди"},
	{"Meiram", "Мейрам", "Мейрам"}, {"Nursultan", "Нурсултан", "Нұрсұлтан"}, {"Rakhat", "Рахат", "Рахат"},
	{"Saken", "Сакен", "Сәкен"}, {"Serikbol", "Серикбол", "Серікбол"}, {"Toqtar", "Тохтар", "Тоқтар"},
	{"Ualikhan", "Уалихан", "Уәлихан"}, {"Zhenis", "Женис", "Жеңіс"}, {"Aslan", "Аслан", "Аслан"},
	{"Bakhyt", "Бахыт", "Бақыт"}, {"Daulet", "Даулет", "Дәулет"}, {"Erasyl", "Ерасыл", "Ерасыл"},
	{"Iliyas", "Ильяс", "Ілияс"}, {"Quanysh", "Куаныш", "Қуаныш"}, {"Miras", "Мирас", "Мирас"},
	{"Nurtas", "Нуртас", "Нұртас"}, {"Erbolat", "Ерболат", "Ерболат"}, {"Alibek", "Алибек", "Әлібек"},
	{"Aset", "Асет", "Әсет"}, {"Batyr", "Батыр", "Батыр"}, {"Dastan", "Дастан", "Дастан"},
	{"Zhomart", "Жомарт", "Жомарт"}, {"Eskendir", "Эскендир", "Ескендір"}, {"Maks", "Макс", "Макс"},
	{"Aron", "Арон", "Арон"}, {"Zhaslan", "Жаслан", "Жаслан"}, {"Bekzat", "Бекзат", "Бекзат"},
	{"Nurdaulet", "Нурдаулет", "Нұрдәулет"}, {"Shyngys", "Шынгыс", "Шыңғыс"}, {"Yqylas", "Ыкылас", "Ықылас"},
}

var maleRussian = []name3{
	{"Aleksandr", "Александр", "Александр"}, {"Sergei", "Сергей", "Сергей"}, {"Vladimir", "Владимир", "Владимир"},
	{"Dmitry", "Дмитрий", "Дмитрий"}, {"Andrei", "Андрей", "Андрей"}, {"Igor", "Игорь", "Игорь"},
	{"Evgeny", "Евгений", "Евгений"}, {"Oleg", "Олег", "Олег"}, {"Viktor", "Виктор", "Виктор"},
	{"Pavel", "Павел", "Павел"}, {"Nikolai", "Николай", "Николай"}, {"Mikhail", "Михаил", "Михаил"},
	{"Yuri", "Юрий", "Юрий"}, {"Vadim", "Вадим", "Вадим"}, {"Roman", "Роман", "Роман"},
	{"Konstantin", "Константин", "Константин"}, {"Maksim", "Максим", "Максим"}, {"Anton", "Антон", "Антон"},
	{"Denis", "Денис", "Денис"}, {"Vitaly", "Виталий", "Виталий"},
}

var femaleKazakh = []name3{
	{"Aigerim", "Айгерим", "Әйгерім"}, {"Ainur", "Айнур", "Айнұр"}, {"Aliya", "Алия", "Әлия"},
	{"Asel", "Асель", "Әсел"}, {"Aizhan", "Айжан", "Айжан"}, {"Botagoz", "Ботагоз", "Ботагөз"},
	{"Dana", "Дана", "Дана"}, {"Dinara", "Динара", "Динара"}, {"Gulnara", "Гульнара", "Гүлнара"},
	{"Gulmira", "Гульмира", "Гүлмира"}, {"Zhanar", "Жанар", "Жанар"}, {"Zhuldyz", "Жулдыз", "Жұлдыз"},
	{"Kamila", "Камила", "Камила"}, {"Qarlygash", "Карлыгаш", "Қарлығаш"}, {"Laura", "Лаура", "Лаура"},
	{"Madina", "Мадина", "Мадина"}, {"Meruert", "Меруерт", "Меруерт"}, {"Nazira", "Назира", "Назира"},
	{"Nurgul", "Нургуль", "Нұргүл"}, {"Raushan", "Раушан", "Раушан"}, {"Saule", "Сауле", "Сәуле"},
	{"Sanavar", "Санавар", "Санавар"}, {"Symbat", "Сымбат", "Сымбат"}, {"Toghzhan", "Тогжан", "Тоғжан"},
	{"Ulzhan", "Улжан", "Ұлжан"}, {"Zarina", "Зарина", "Зарина"}, {"Zhansaya", "Жансая", "Жансая"},
	{"Aruzhan", "Аружан", "Аружан"}, {"Aqmaral", "Акмарал", "Ақмарал"}, {"Bayan", "Баян", "Баян"},
	{"Gaukhar", "Гаухар", "Гауһар"}, {"Dariga", "Дарига", "Дариға"}, {"Elmira", "Эльмира", "Эльмира"},
	{"Indira", "Индира", "Индира"}, {"Quralai", "Куралай", "Құралай"}, {"Lazzat", "Ляззат", "Ләззат"},
	{"Moldir", "Мольдир", "Мөлдір"}, {"Nazgul", "Назгуль", "Назгүл"}, {"Roza", "Роза", "Роза"},
	{"Saltanat", "Салтанат", "Салтанат"}, {"Tolqyn", "Толкын", "Толқын"}, {"Ulbolsyn", "Улболсын", "Ұлболсын"},
	{"Zhibek", "Жибек", "Жібек"}, {"Aiman", "Айман", "Айман"}, {"Balzhan", "Балжан", "Балжан"},
	{"Gulzhan", "Гульжан", "Гүлжан"}, {"Dilnaz", "Дильназ", "Дільназ"}, {"Zhazira", "Жазира", "Жазира"},
	{"Mariyam", "Мариям", "Мәриям"}, {"Perizat", "Перизат", "Перизат"}, {"Sabina", "Сабина", "Сабина"},
	{"Asem", "Асем", "Әсем"}, {"Aigul", "Айгуль", "Айгүл"}, {"Bibigul", "Бибигуль", "Бибігүл"},
	{"Gulshat", "Гульшат", "Гүлшат"}, {"Zere", "Зере", "Зере"}, {"Inkar", "Инкар", "Іңкәр"},
	{"Kunsulu", "Кунсулу", "Күнсұлу"}, {"Malika", "Малика", "Мәлика"}, {"Aisulu", "Айсулу", "Айсұлу"},
	{"Aqbota", "Акбота", "Ақбота"}, {"Ayaulym", "Аяулым", "Аяулым"}, {"Zhanel", "Жанель", "Жанель"},
	{"Aqerke", "Акерке", "Ақерке"}, {"Gulbakhyt", "Гульбахыт", "Гүлбақыт"}, {"Sholpan", "Шолпан", "Шолпан"},
	{"Nurila", "Нурила", "Нұрила"}, {"Bakhytzhan", "Бахытжан", "Бақытжан"},
	{"Raziya", "Разия", "Разия"}, {"Kulyash", "Куляш", "Күләш"}, {"Zauresh", "Зауреш", "Зәуреш"},
	{"Farida", "Фарида", "Фарида"}, {"Khadisha", "Хадиша", "Хадиша"}, {"Yrysty", "Ырысты", "Ырысты"},
	{"Aqzhan", "Акжан", "Ақжан"}, {"Gulsim", "Гульсим", "Гүлсім"},
}

var femaleRussian = []name3{
	{"Elena", "Елена", "Елена"}, {"Tatyana", "Татьяна", "Татьяна"}, {"Natalya", "Наталья", "Наталья"},
	{"Olga", "Ольга", "Ольга"}, {"Irina", "Ирина", "Ирина"}, {"Svetlana", "Светлана", "Светлана"},
	{"Marina", "Марина", "Марина"}, {"Anna", "Анна", "Анна"}, {"Galina", "Галина", "Галина"},
	{"Lyudmila", "Людмила", "Людмила"}, {"Yulia", "Юлия", "Юлия"}, {"Ekaterina", "Екатерина", "Екатерина"},
	{"Oksana", "Оксана", "Оксана"}, {"Valentina", "Валентина", "Валентина"}, {"Larisa", "Лариса", "Лариса"},
	{"Nadezhda", "Надежда", "Надежда"}, {"Vera", "Вера", "Вера"}, {"Inna", "Инна", "Инна"},
	{"Alla", "Алла", "Алла"}, {"Tamara", "Тамара", "Тамара"},
}

// Surnames in their masculine form. Those ending in -ov, -ev or -in take
// -a for women in every script; the others do not change.
var surnamesKazakh = []name3{
	{"Abishev", "Абишев", "Әбішев"}, {"Akhmetov", "Ахметов", "Ахметов"}, {"Baimukhanov", "Баймуханов", "Баймұханов"},
	{"Boqaev", "Бокаев", "Боқаев"}, {"Zhaqyshev", "Жакишев", "Жақышев"}, {"Elshibaev", "Ельшибаев", "Елшібаев"},
	{"Erimbetov", "Еримбетов", "Ерімбетов"}, {"Ibraev", "Ибраев", "Ибраев"}, {"Zheksebaev", "Жексебаев", "Жексебаев"},
	{"Qylyshev", "Кылышев", "Қылышев"}, {"Ydyrysov", "Ыдырысов", "Ыдырысов"}, {"Zakirov", "Закиров", "Закиров"},
	{"Begimbetov", "Бегимбетов", "Бегімбетов"}, {"Nurlanov", "Нурланов", "Нұрланов"}, {"Sadyqov", "Садыков", "Садықов"},
	{"Qasymov", "Касымов", "Қасымов"}, {"Omarov", "Омаров", "Омаров"}, {"Zhumabaev", "Жумабаев", "Жұмабаев"},
	{"Sarsenov", "Сарсенов", "Сәрсенов"}, {"Abenov", "Абенов", "Әбенов"}, {"Amanov", "Аманов", "Аманов"},
	{"Baitursynov", "Байтурсынов", "Байтұрсынов"}, {"Dosmukhamedov", "Досмухамедов", "Досмұхамедов"}, {"Ermekov", "Ермеков", "Ермеков"},
	{"Kenzhebaev", "Кенжебаев", "Кенжебаев"}, {"Muqanov", "Муканов", "Мұқанов"}, {"Nurpeisov", "Нурпеисов", "Нұрпейісов"},
	{"Orazbaev", "Оразбаев", "Оразбаев"}, {"Rakhimov", "Рахимов", "Рахимов"}, {"Seitqaliev", "Сейткалиев", "Сейтқалиев"},
	{"Tolegenov", "Тулегенов", "Төлегенов"}, {"Otemisov", "Утемисов", "Өтемісов"}, {"Zhaqypov", "Жакупов", "Жақыпов"},
	{"Suleimenov", "Сулейменов", "Сүлейменов"}, {"Abdrakhmanov", "Абдрахманов", "Әбдірахманов"}, {"Bekov", "Беков", "Беков"},
	{"Zhumabekov", "Жумабеков", "Жұмабеков"}, {"Ysqaqov", "Искаков", "Ысқақов"}, {"Quanyshev", "Куанышев", "Қуанышев"},
	{"Myrzakhmetov", "Мырзахметов", "Мырзахметов"}, {"Nurmagambetov", "Нурмагамбетов", "Нұрмағамбетов"}, {"Ospanov", "Оспанов", "Оспанов"},
	{"Sultanov", "Султанов", "Сұлтанов"}, {"Tasbolatov", "Тасбулатов", "Тасболатов"}, {"Umarov", "Умаров", "Умаров"},
	{"Esimov", "Есимов", "Есімов"}, {"Zhaqsylyqov", "Жаксылыков", "Жақсылықов"}, {"Aitqulov", "Айткулов", "Айтқұлов"},
	{"Duisenov", "Дюсенов", "Дүйсенов"}, {"Ergaliev", "Ергалиев", "Ерғалиев"}, {"Qaliev", "Калиев", "Қалиев"},
	{"Mamyrov", "Мамыров", "Мамыров"}, {"Nurgaliev", "Нургалиев", "Нұрғалиев"}, {"Saparov", "Сапаров", "Сапаров"},
	{"Temirbaev", "Темирбаев", "Темірбаев"}, {"Zhanuzaqov", "Жанузаков", "Жанұзақов"}, {"Alimzhanov", "Алимжанов", "Әлімжанов"},
	{"Baizhanov", "Байжанов", "Байжанов"}, {"Zhaqsybekov", "Жаксыбеков", "Жақсыбеков"}, {"Imanbaev", "Иманбаев", "Иманбаев"},
	{"Karimov", "Каримов", "Кәрімов"}, {"Mussin", "Мусин", "Мусин"}, {"Nurmukhanov", "Нурмуханов", "Нұрмұханов"},
	{"Serikbaev", "Серикбаев", "Серікбаев"}, {"Tileuov", "Тлеуов", "Тілеуов"}, {"Zhunisov", "Жунусов", "Жүнісов"},
	{"Qozhakhmetov", "Кожахметов", "Қожахметов"}, {"Sagyndyqov", "Сагындыков", "Сағындықов"}, {"Toreghozhin", "Торегожин", "Төреғожин"},
	{"Mamai", "Мамай", "Мамай"}, {"Atabek", "Атабек", "Атабек"}, {"Seitqali", "Сейткали", "Сейтқали"},
	{"Zhaqsylyq", "Жаксылык", "Жақсылық"}, {"Amanzhol", "Аманжол", "Аманжол"}, {"Bekbolat", "Бекболат", "Бекболат"},
	{"Dzhumagulov", "Джумагулов", "Жұмағұлов"}, {"Utegenov", "Утегенов", "Өтегенов"}, {"Shaikenov", "Шайкенов", "Шайкенов"},
}

var surnamesRussian = []name3{
	{"Ivanov", "Иванов", "Иванов"}, {"Petrov", "Петров", "Петров"}, {"Kuznetsov", "Кузнецов", "Кузнецов"},
	{"Smirnov", "Смирнов", "Смирнов"}, {"Popov", "Попов", "Попов"}, {"Vasilyev", "Васильев", "Васильев"},
	{"Sokolov", "Соколов", "Соколов"}, {"Mikhailov", "Михайлов", "Михайлов"}, {"Novikov", "Новиков", "Новиков"},
	{"Fedorov", "Фёдоров", "Фёдоров"}, {"Morozov", "Морозов", "Морозов"}, {"Volkov", "Волков", "Волков"},
	{"Alekseev", "Алексеев", "Алексеев"}, {"Lebedev", "Лебедев", "Лебедев"}, {"Semenov", "Семёнов", "Семёнов"},
	{"Egorov", "Егоров", "Егоров"}, {"Pavlov", "Павлов", "Павлов"}, {"Kozlov", "Козлов", "Козлов"},
	{"Stepanov", "Степанов", "Степанов"}, {"Nikolaev", "Николаев", "Николаев"}, {"Borodin", "Бородин", "Бородин"},
}

// region is one of Kazakhstan's regions and cities of republican status,
// with its main city, the court that hears appeals there and its postal
// code.
type region struct {
	name, city name3
	appeal     name3 // the regional (or city) court
	postcode   string
	street     string
}

var regions = []region{
	{name3{"Almaty", "Алматы", "Алматы"}, name3{"Almaty", "Алматы", "Алматы"}, name3{"Almaty City Court", "Алматинский городской суд", "Алматы қалалық соты"}, "050000", "Tole Bi Street"},
	{name3{"Astana", "Астана", "Астана"}, name3{"Astana", "Астана", "Астана"}, name3{"Astana City Court", "Астанинский городской суд", "Астана қалалық соты"}, "010000", "Kenesary Street"},
	{name3{"Shymkent", "Шымкент", "Шымкент"}, name3{"Shymkent", "Шымкент", "Шымкент"}, name3{"Shymkent City Court", "Шымкентский городской суд", "Шымкент қалалық соты"}, "160000", "Tauke Khan Avenue"},
	{name3{"Abai Region", "Абайская область", "Абай облысы"}, name3{"Semey", "Семей", "Семей"}, name3{"Abai Regional Court", "Абайский областной суд", "Абай облыстық соты"}, "071400", "Abai Street"},
	{name3{"Akmola Region", "Акмолинская область", "Ақмола облысы"}, name3{"Kokshetau", "Кокшетау", "Көкшетау"}, name3{"Akmola Regional Court", "Акмолинский областной суд", "Ақмола облыстық соты"}, "020000", "Auezov Street"},
	{name3{"Aktobe Region", "Актюбинская область", "Ақтөбе облысы"}, name3{"Aktobe", "Актобе", "Ақтөбе"}, name3{"Aktobe Regional Court", "Актюбинский областной суд", "Ақтөбе облыстық соты"}, "030000", "Abulkhair Khan Avenue"},
	{name3{"Almaty Region", "Алматинская область", "Алматы облысы"}, name3{"Qonaev", "Конаев", "Қонаев"}, name3{"Almaty Regional Court", "Алматинский областной суд", "Алматы облыстық соты"}, "040800", "Dinmukhamed Qonaev Street"},
	{name3{"Atyrau Region", "Атырауская область", "Атырау облысы"}, name3{"Atyrau", "Атырау", "Атырау"}, name3{"Atyrau Regional Court", "Атырауский областной суд", "Атырау облыстық соты"}, "060000", "Satpaev Avenue"},
	{name3{"East Kazakhstan Region", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы"}, name3{"Oskemen", "Усть-Каменогорск", "Өскемен"}, name3{"East Kazakhstan Regional Court", "Восточно-Казахстанский областной суд", "Шығыс Қазақстан облыстық соты"}, "070000", "Kazakhstan Street"},
	{name3{"Jambyl Region", "Жамбылская область", "Жамбыл облысы"}, name3{"Taraz", "Тараз", "Тараз"}, name3{"Jambyl Regional Court", "Жамбылский областной суд", "Жамбыл облыстық соты"}, "080000", "Tole Bi Avenue"},
	{name3{"Jetisu Region", "Жетысуская область", "Жетісу облысы"}, name3{"Taldyqorgan", "Талдыкорган", "Талдықорған"}, name3{"Jetisu Regional Court", "Жетысуский областной суд", "Жетісу облыстық соты"}, "040000", "Qabanbai Batyr Street"},
	{name3{"Karaganda Region", "Карагандинская область", "Қарағанды облысы"}, name3{"Karaganda", "Караганда", "Қарағанды"}, name3{"Karaganda Regional Court", "Карагандинский областной суд", "Қарағанды облыстық соты"}, "100000", "Bukhar Zhyrau Avenue"},
	{name3{"Kostanay Region", "Костанайская область", "Қостанай облысы"}, name3{"Kostanay", "Костанай", "Қостанай"}, name3{"Kostanay Regional Court", "Костанайский областной суд", "Қостанай облыстық соты"}, "110000", "Baitursynov Street"},
	{name3{"Kyzylorda Region", "Кызылординская область", "Қызылорда облысы"}, name3{"Kyzylorda", "Кызылорда", "Қызылорда"}, name3{"Kyzylorda Regional Court", "Кызылординский областной суд", "Қызылорда облыстық соты"}, "120000", "Aiteke Bi Street"},
	{name3{"Mangystau Region", "Мангистауская область", "Маңғыстау облысы"}, name3{"Aktau", "Актау", "Ақтау"}, name3{"Mangystau Regional Court", "Мангистауский областной суд", "Маңғыстау облыстық соты"}, "130000", "Microdistrict 14"},
	{name3{"North Kazakhstan Region", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы"}, name3{"Petropavl", "Петропавловск", "Петропавл"}, name3{"North Kazakhstan Regional Court", "Северо-Казахстанский областной суд", "Солтүстік Қазақстан облыстық соты"}, "150000", "Konstitutsii Street"},
	{name3{"Pavlodar Region", "Павлодарская область", "Павлодар облысы"}, name3{"Pavlodar", "Павлодар", "Павлодар"}, name3{"Pavlodar Regional Court", "Павлодарский областной суд", "Павлодар облыстық соты"}, "140000", "Toraigyrov Street"},
	{name3{"Turkistan Region", "Туркестанская область", "Түркістан облысы"}, name3{"Turkistan", "Туркестан", "Түркістан"}, name3{"Turkistan Regional Court", "Туркестанский областной суд", "Түркістан облыстық соты"}, "161200", "Tauke Khan Avenue"},
	{name3{"Ulytau Region", "Улытауская область", "Ұлытау облысы"}, name3{"Zhezqazgan", "Жезказган", "Жезқазған"}, name3{"Ulytau Regional Court", "Улытауский областной суд", "Ұлытау облыстық соты"}, "100600", "Alashakhan Avenue"},
	{name3{"West Kazakhstan Region", "Западно-Казахстанская область", "Батыс Қазақстан облысы"}, name3{"Oral", "Уральск", "Орал"}, name3{"West Kazakhstan Regional Court", "Западно-Казахстанский областной суд", "Батыс Қазақстан облыстық соты"}, "090000", "Dostyq Avenue"},
}

// groups are movements, parties and collective cases.
var groups = []name3{
	{"Democratic Choice of Kazakhstan", "«Демократический выбор Казахстана»", "«Қазақстанның демократиялық таңдауы»"},
	{"Street Party", "«Көше партиясы» («Уличная партия»)", "«Көше партиясы»"},
	{"Democratic Party of Kazakhstan", "Демократическая партия Казахстана", "Қазақстан демократиялық партиясы"},
	{"Our Right", "«Наше право»", ""},
	{"Oyan, Qazaqstan", "«Оян, Казахстан»", "«Оян, Қазақстан»"},
	{"Atajurt Volunteers", "«Атажурт еріктілері»", "«Атажұрт еріктілері»"},
	{"Alga!", "«Алга!»", "«Алға!»"},
	{"Independent trade unions", "Независимые профсоюзы", "Тәуелсіз кәсіподақтар"},
	{"January 2022 case", "Дело января 2022 года", "2022 жылғы қаңтар ісі"},
	{"Zhanaozen 2011 case", "Жанаозенское дело 2011 года", "2011 жылғы Жаңаөзен ісі"},
	{"Land protests 2016", "Земельные протесты 2016 года", "2016 жылғы жер наразылықтары"},
	{"Jehovah's Witnesses", "Свидетели Иеговы", "Иегова куәгерлері"},
	{"Tablighi Jamaat case", "Дело «Таблиги Джамаат»", "«Таблиғи жамағат» ісі"},
	{"Koshe Party supporters", "Сторонники «Көше партиясы»", ""},
	{"Bloggers' case", "Дело блогеров", "Блогерлер ісі"},
}

var tags = []name3{
	{"protests", "протесты", "наразылық акциялары"},
	{"freedom of expression", "свобода слова", "сөз бостандығы"},
	{"freedom of religion", "свобода вероисповедания", "діни сенім бостандығы"},
	{"land reform", "земельная реформа", "жер реформасы"},
	{"labour rights", "трудовые права", "еңбек құқықтары"},
	{"January 2022 protests", "протесты января 2022 года", "2022 жылғы қаңтар наразылықтары"},
	{"hunger strike", "голодовка", "аштық жариялау"},
	{"health", "здоровье", "денсаулық"},
	{"social media", "социальные сети", "әлеуметтік желілер"},
	{"journalism", "журналистика", "журналистика"},
	{"peaceful assembly", "мирные собрания", "бейбіт жиындар"},
	{"banned opposition", "запрещённая оппозиция", "тыйым салынған оппозиция"},
	{"torture allegations", "заявления о пытках", "азаптау туралы арыздар"},
	{"women", "женщины", ""},
	{"writers", "писатели", "жазушылар"},
}

// recognizers are who recognizes people as political prisoners.
var recognizers = []name3{
	{"Ar.Rukh.Khaq", "«Ар.Рух.Хак»", "«Ар.Рух.Хақ»"},
	{"Kazakh human rights groups", "казахстанские правозащитные организации", "қазақстандық құқық қорғау ұйымдары"},
	{"Kazakhstan International Bureau for Human Rights", "Казахстанское международное бюро по правам человека", "Қазақстан халықаралық адам құқықтары бюросы"},
	{"Amnesty International", "Amnesty International", "Amnesty International"},
	{"Human rights coalition", "Правозащитная коалиция", ""},
}

var occupations = []name3{
	{"journalist", "журналист", "журналист"},
	{"civil rights activist", "гражданский активист", "азаматтық белсенді"},
	{"blogger", "блогер", "блогер"},
	{"lawyer", "юрист", "заңгер"},
	{"teacher", "учитель", "мұғалім"},
	{"imam", "имам", "имам"},
	{"poet", "поэт", "ақын"},
	{"businessman", "предприниматель", "кәсіпкер"},
	{"farmer", "фермер", "фермер"},
	{"oil worker", "нефтяник", "мұнайшы"},
	{"student", "студент", "студент"},
	{"pensioner", "пенсионер", "зейнеткер"},
	{"engineer", "инженер", "инженер"},
	{"doctor", "врач", "дәрігер"},
	{"trade union leader", "профсоюзный лидер", "кәсіподақ жетекшісі"},
	{"human rights defender", "правозащитник", "құқық қорғаушы"},
	{"opposition politician", "оппозиционный политик", "оппозициялық саясаткер"},
	{"driver", "водитель", "жүргізуші"},
	{"economist", "экономист", "экономист"},
	{"writer", "писатель", "жазушы"},
	{"civil servant", "госслужащий", ""},
	{"musician", "музыкант", "музыкант"},
}

// charge is a criminal charge as a source words it, with the article of
// Kazakhstan's Criminal Code.
type charge struct {
	article string
	text    name3 // kk may be empty
}

var charges = []charge{
	{"art. 174", name3{"inciting social, national or religious discord", "возбуждение социальной, национальной или религиозной розни", "әлеуметтік, ұлттық немесе діни алауыздықты қоздыру"}},
	{"art. 405", name3{"taking part in the activities of a banned extremist organization", "участие в деятельности запрещённой экстремистской организации", "тыйым салынған экстремистік ұйымның қызметіне қатысу"}},
	{"art. 272", name3{"organizing or taking part in mass riots", "организация массовых беспорядков или участие в них", "жаппай тәртіпсіздіктерді ұйымдастыру немесе оған қатысу"}},
	{"art. 274", name3{"spreading knowingly false information", "распространение заведомо ложной информации", "көрінеу жалған ақпарат тарату"}},
	{"art. 256", name3{"propaganda of terrorism", "пропаганда терроризма", "терроризмді насихаттау"}},
	{"art. 258", name3{"financing extremist activity", "финансирование экстремистской деятельности", ""}},
	{"art. 179", name3{"public calls for the seizure of power", "публичные призывы к захвату власти", "билікті басып алуға жария шақыру"}},
	{"art. 190", name3{"fraud", "мошенничество", "алаяқтық"}},
	{"art. 189", name3{"embezzlement of entrusted property", "присвоение или растрата вверенного имущества", "сеніп тапсырылған мүлікті иемдену немесе ысырап ету"}},
	{"art. 293", name3{"hooliganism", "хулиганство", "бұзақылық"}},
	{"art. 378", name3{"insulting a representative of the authorities", "оскорбление представителя власти", "билік өкілін қорлау"}},
	{"art. 380", name3{"using violence against a representative of the authorities", "применение насилия в отношении представителя власти", "билік өкіліне қатысты күш қолдану"}},
	{"art. 182", name3{"creating or leading an extremist group", "создание или руководство экстремистской группой", ""}},
	{"art. 106", name3{"inflicting serious bodily harm", "умышленное причинение тяжкого вреда здоровью", "денсаулыққа қасақана ауыр зиян келтіру"}},
	{"art. 218", name3{"money laundering", "легализация (отмывание) денег", "ақшаны заңдастыру (жылыстату)"}},
	{"art. 400", name3{"breaking the rules on peaceful assemblies", "нарушение порядка организации и проведения мирных собраний", "бейбіт жиналыстарды ұйымдастыру және өткізу тәртібін бұзу"}},
	{"art. 423", name3{"obstructing justice", "воспрепятствование осуществлению правосудия", ""}},
	{"art. 375", name3{"insulting the honour and dignity of the First President", "посягательство на честь и достоинство Первого Президента", "Тұңғыш Президенттің ар-намысы мен қадір-қасиетіне қол сұғу"}},
}

// publisher is one source of reports; each has a file in content/sources/.
type publisher struct {
	id, name, domain string
	langs            []string
}

var publishers = []publisher{
	{"rferl", "RFE/RL", "www.rferl.org", []string{"en"}},
	{"azattyq", "Azattyq", "rus.azattyq.org", []string{"ru", "kk"}},
	{"vlast", "Vlast.kz", "vlast.kz", []string{"ru"}},
	{"kibhr", "KIBHR", "bureau.kz", []string{"ru", "en"}},
	{"hrw", "Human Rights Watch", "www.hrw.org", []string{"en"}},
	{"amnesty", "Amnesty International", "www.amnesty.org", []string{"en"}},
	{"eurasianet", "Eurasianet", "eurasianet.org", []string{"en"}},
	{"orda", "Orda.kz", "orda.kz", []string{"ru"}},
}

// Headlines of sources: %s is a city in the source's language.
var headlines = map[string][]string{
	"en": {
		"Activist Detained After Protest In %s",
		"Court In %s Sentences Opposition Supporter",
		"Rights Groups Say Number Of Political Prisoners Is Rising",
		"Jailed Activist Goes On Hunger Strike In %s",
		"Appeals Court In %s Upholds Sentence Of Blogger",
		"Kazakhstan: Free Peaceful Protesters",
		"Journalist In %s Charged Over Social Media Posts",
		"Relatives Of Jailed Activist In %s Say Health Is Failing",
		"Kazakh Authorities Release Activist Under Amnesty",
		"Trial Of Protesters Opens In %s",
	},
	"ru": {
		"В городе %s задержан активист",
		"Суд в городе %s вынес приговор стороннику оппозиции",
		"Правозащитники обновили список политзаключённых",
		"Заключённый активист объявил голодовку",
		"Апелляционный суд оставил приговор блогеру в силе",
		"В городе %s начался процесс над участниками митинга",
		"Журналисту предъявлено обвинение из-за публикаций в соцсетях",
		"Родственники заключённого сообщают об ухудшении его здоровья",
	},
	"kk": {
		"%s қаласында белсенді ұсталды",
		"Құқық қорғаушылар саяси тұтқындар тізімін жаңартты",
		"%s қаласындағы сот оппозиция жақтасын соттады",
		"Сотталған белсенді аштық жариялады",
	},
}
