namespace Peyvand.Customers.Demo;

/// <summary>Common Iranian and English names, places and CRM phrases the demo generator draws from (Persian, Latin).</summary>
public static class DemoVocabulary
{
    public static readonly (string Fa, string En)[] FemaleFirstNames =
    [
        ("فاطمه", "Fatemeh"), ("زهرا", "Zahra"), ("مریم", "Maryam"), ("سارا", "Sara"), ("نرگس", "Narges"),
        ("مهسا", "Mahsa"), ("نازنین", "Nazanin"), ("الهام", "Elham"), ("لیلا", "Leila"), ("شیرین", "Shirin"),
        ("پریسا", "Parisa"), ("مینا", "Mina"), ("نیلوفر", "Niloufar"), ("سمیرا", "Samira"), ("آزاده", "Azadeh"),
        ("فرشته", "Fereshteh"), ("هانیه", "Hanieh"), ("ریحانه", "Reyhaneh"), ("کیمیا", "Kimia"), ("یاسمن", "Yasaman"),
        ("محدثه", "Mohadeseh"), ("معصومه", "Masoumeh"), ("سحر", "Sahar"), ("طاهره", "Tahereh"), ("آیدا", "Aida"),
    ];

    public static readonly (string Fa, string En)[] MaleFirstNames =
    [
        ("محمد", "Mohammad"), ("علی", "Ali"), ("حسین", "Hossein"), ("رضا", "Reza"), ("مهدی", "Mehdi"),
        ("امیر", "Amir"), ("حسن", "Hassan"), ("محسن", "Mohsen"), ("سعید", "Saeed"), ("مجید", "Majid"),
        ("امید", "Omid"), ("بهرام", "Bahram"), ("کاوه", "Kaveh"), ("آرش", "Arash"), ("بابک", "Babak"),
        ("پویا", "Pouya"), ("سینا", "Sina"), ("فرهاد", "Farhad"), ("کامران", "Kamran"), ("مصطفی", "Mostafa"),
        ("یوسف", "Yousef"), ("جواد", "Javad"), ("داریوش", "Dariush"), ("نیما", "Nima"), ("میلاد", "Milad"),
    ];

    public static readonly (string Fa, string En)[] LastNames =
    [
        ("محمدی", "Mohammadi"), ("حسینی", "Hosseini"), ("احمدی", "Ahmadi"), ("رضایی", "Rezaei"), ("موسوی", "Mousavi"),
        ("کریمی", "Karimi"), ("جعفری", "Jafari"), ("صادقی", "Sadeghi"), ("رحیمی", "Rahimi"), ("هاشمی", "Hashemi"),
        ("قاسمی", "Ghasemi"), ("ابراهیمی", "Ebrahimi"), ("کاظمی", "Kazemi"), ("نوری", "Nouri"), ("طاهری", "Taheri"),
        ("شریفی", "Sharifi"), ("مرادی", "Moradi"), ("اکبری", "Akbari"), ("حیدری", "Heidari"), ("کرمانی", "Kermani"),
        ("تهرانی", "Tehrani"), ("شیرازی", "Shirazi"), ("اصفهانی", "Esfahani"), ("نجفی", "Najafi"), ("زارعی", "Zarei"),
        ("فراهانی", "Farahani"), ("بهرامی", "Bahrami"), ("سلطانی", "Soltani"), ("یزدانی", "Yazdani"), ("عباسی", "Abbasi"),
    ];

    public static readonly string[] EnglishFirstNames =
    [
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Susan", "Richard", "Jessica", "Thomas", "Sarah", "Daniel", "Karen", "Emma", "Oliver",
    ];

    public static readonly string[] EnglishLastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
    ];

    /// <summary>Province, its capital (fa, en) and the landline area code.</summary>
    public static readonly (string ProvinceFa, string CityFa, string CityEn, string AreaCode)[] Cities =
    [
        ("تهران", "تهران", "Tehran", "21"), ("اصفهان", "اصفهان", "Isfahan", "31"), ("خراسان رضوی", "مشهد", "Mashhad", "51"),
        ("فارس", "شیراز", "Shiraz", "71"), ("آذربایجان شرقی", "تبریز", "Tabriz", "41"), ("البرز", "کرج", "Karaj", "26"),
        ("خوزستان", "اهواز", "Ahvaz", "61"), ("قم", "قم", "Qom", "25"), ("کرمانشاه", "کرمانشاه", "Kermanshah", "83"),
        ("گیلان", "رشت", "Rasht", "13"), ("یزد", "یزد", "Yazd", "35"), ("کرمان", "کرمان", "Kerman", "34"),
        ("مازندران", "ساری", "Sari", "11"), ("هرمزگان", "بندرعباس", "Bandar Abbas", "76"), ("همدان", "همدان", "Hamadan", "81"),
    ];

    public static readonly string[] Streets =
        ["خیابان آزادی", "خیابان انقلاب", "خیابان ولیعصر", "بلوار کشاورز", "خیابان امام خمینی", "خیابان فردوسی", "خیابان حافظ", "بلوار معلم"];

    /// <summary>Mobile prefixes of the Iranian operators (Hamrah-e Avval, Irancell, Rightel), after the leading 0.</summary>
    public static readonly string[] MobilePrefixes =
        ["912", "913", "914", "915", "916", "917", "918", "919", "910", "911", "990", "991", "935", "936", "937", "938", "939", "930", "933", "901", "902", "903", "905", "920", "921", "922"];

    public static readonly (string Fa, string En)[] Industries =
    [
        ("نرم‌افزار", "Software"), ("بازرگانی", "Trading"), ("صنایع غذایی", "Food industry"), ("ساختمان", "Construction"),
        ("پتروشیمی", "Petrochemicals"), ("خودرو", "Automotive"), ("بانک و بیمه", "Banking and insurance"), ("آموزش", "Education"),
        ("سلامت", "Healthcare"), ("گردشگری", "Tourism"), ("نساجی", "Textiles"), ("لجستیک", "Logistics"), ("کشاورزی", "Agriculture"),
    ];

    public static readonly (string Fa, string En)[] CompanyStems =
    [
        ("آریا", "Aria"), ("پارس", "Pars"), ("سپهر", "Sepehr"), ("نوین", "Novin"), ("البرز", "Alborz"), ("کیان", "Kian"),
        ("آسمان", "Aseman"), ("دماوند", "Damavand"), ("مهر", "Mehr"), ("پیشرو", "Pishro"), ("رایان", "Rayan"), ("ستاره", "Setareh"),
        ("زاگرس", "Zagros"), ("خلیج فارس", "Persian Gulf"), ("سامان", "Saman"), ("ایده", "Ideh"), ("فناوران", "Fanavaran"), ("تدبیر", "Tadbir"),
    ];

    public static readonly (string Fa, string En)[] CompanyForms =
        [("گروه", "Group"), ("شرکت", "Co."), ("هلدینگ", "Holding"), ("صنایع", "Industries")];

    public static readonly (string Fa, string En)[] JobTitles =
    [
        ("مدیرعامل", "CEO"), ("مدیر فروش", "Sales manager"), ("کارشناس خرید", "Purchasing officer"), ("مدیر مالی", "CFO"),
        ("کارشناس بازاریابی", "Marketing specialist"), ("مدیر فنی", "CTO"), ("مسئول دفتر", "Office manager"), ("کارشناس فروش", "Sales representative"),
        ("مدیر منابع انسانی", "HR manager"), ("حسابدار", "Accountant"),
    ];

    public static readonly string[] Sources = ["website", "referral", "exhibition", "instagram", "linkedin", "cold call", "وب‌سایت", "معرفی", "نمایشگاه"];

    public static readonly string[] Tags = ["vip", "newsletter", "b2b", "webinar", "partner", "مشتری ویژه", "نمایشگاه", "همکار", "عمده‌فروش", "تهران"];

    /// <summary>The options of the demo custom field <c>region</c> (a single select on contacts).</summary>
    public static readonly (string Value, string Fa, string En)[] Regions =
        [("north", "شمال", "North"), ("south", "جنوب", "South"), ("east", "شرق", "East"), ("west", "غرب", "West"), ("central", "مرکز", "Central")];

    public static readonly string[] FreeMailDomains = ["gmail.com", "yahoo.com", "outlook.com", "chmail.ir", "mail.ir"];

    public static readonly (string Fa, string En)[] NoteTexts =
    [
        ("مشتری درباره‌ی قیمت عمده پرسید؛ پیش‌فاکتور ارسال شود.", "Asked about wholesale prices; send a quote."),
        ("از کیفیت پشتیبانی راضی بود.", "Happy with the support quality."),
        ("قرار شد بعد از نوروز دوباره تماس بگیریم.", "Agreed to call again after Nowruz."),
        ("نیاز به **دموی محصول** برای تیم فنی دارند.", "They need a **product demo** for the technical team."),
        ("بودجه‌ی سال آینده هنوز تصویب نشده است.", "Next year's budget is not approved yet."),
    ];

    public static readonly (string Fa, string En)[] CallSubjects =
    [
        ("پیگیری پیش‌فاکتور", "Quote follow-up"), ("تماس معرفی", "Introductory call"), ("پشتیبانی فنی", "Technical support"),
        ("تمدید قرارداد", "Contract renewal"), ("هماهنگی جلسه", "Arranging a meeting"),
    ];

    public static readonly (string Fa, string En)[] CallOutcomes =
        [("پاسخ نداد", "No answer"), ("علاقه‌مند", "Interested"), ("تماس مجدد", "Call back"), ("بسته شد", "Closed")];

    public static readonly (string Fa, string En)[] TaskSubjects =
    [
        ("ارسال پیش‌فاکتور", "Send the quote"), ("ارسال کاتالوگ", "Send the catalogue"), ("پیگیری پرداخت", "Chase the payment"),
        ("تنظیم قرارداد", "Draft the contract"), ("تماس برای نظرسنجی", "Satisfaction call"),
    ];

    public static readonly (string Fa, string En)[] MeetingSubjects =
    [
        ("جلسه‌ی معرفی محصول", "Product presentation"), ("مذاکره‌ی قرارداد", "Contract negotiation"), ("بازدید از کارخانه", "Factory visit"),
        ("جلسه‌ی آموزش", "Training session"), ("بررسی فصلی", "Quarterly review"),
    ];
}
