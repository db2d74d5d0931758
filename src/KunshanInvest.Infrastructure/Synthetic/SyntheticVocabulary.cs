using KunshanInvest.Domain.Interactions;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Infrastructure.Synthetic;

/// <summary>The words synthetic rows are made of, and the shares that make the data look like a bureau's.</summary>
internal static class SyntheticVocabulary
{
    public static readonly string[] ZhFirst =
    [
        "华", "金", "宏", "瑞", "嘉", "恒", "新", "盛", "达", "信", "泰", "鼎", "博", "联", "东", "万", "康", "德", "利", "丰",
        "创", "远", "和", "天", "永", "誉", "锦", "凯", "奥", "晟", "力", "源", "正", "海", "润", "捷", "科", "益", "祥", "合",
    ];

    public static readonly string[] ZhSecond =
    [
        "通", "辰", "域", "峰", "驰", "腾", "睿", "宇", "邦", "帆", "航", "拓", "美", "宸", "禾", "朗", "启", "亿", "弘", "星",
        "辉", "昌", "茂", "铭", "诚", "越", "晶", "澜", "翔", "云", "川", "品", "智", "磊", "鑫", "颐", "曜", "岚", "麒", "隆",
    ];

    /// <summary>Trade words, zh and en side by side.</summary>
    public static readonly (string Zh, string En)[] Trades =
    [
        ("科技", "Technology"), ("电子", "Electronics"), ("光电", "Optoelectronics"), ("精密", "Precision"), ("新材料", "Advanced Materials"),
        ("食品", "Foods"), ("咖啡", "Coffee"), ("生物", "Biotech"), ("医疗", "Medical"), ("智能", "Intelligent Systems"),
        ("包装", "Packaging"), ("机械", "Machinery"), ("能源", "Energy"), ("电池", "Battery"), ("显示", "Display"),
        ("半导体", "Semiconductor"), ("汽车部件", "Auto Parts"), ("物流", "Logistics"), ("贸易", "Trading"), ("化工", "Chemicals"),
        ("光学", "Optics"), ("模具", "Tooling"), ("软件", "Software"), ("环保", "Environmental"), ("纺织", "Textiles"),
        ("塑胶", "Plastics"), ("电器", "Appliances"), ("仪器", "Instruments"), ("通信", "Communications"), ("材料", "Materials"),
        ("健康", "Health"), ("美容", "Aesthetics"), ("实业", "Industries"), ("饮品", "Beverages"), ("烘焙", "Bakery"),
        ("冷链", "Cold Chain"), ("储能", "Energy Storage"), ("装备", "Equipment"), ("微电子", "Microelectronics"), ("传感", "Sensors"),
    ];

    public static readonly string[] EnFirst =
    [
        "Nova", "Apex", "Vertex", "Orion", "Lumen", "Stellar", "Pacific", "Atlas", "Summit", "Harbor",
        "Zenith", "Aurora", "Falcon", "Sierra", "Meridian", "Polar", "Cobalt", "Vantage", "Helix", "Quantum",
        "Evergreen", "Silver", "Golden", "Bright", "Blue", "Prime", "Core", "Pioneer", "Unity", "Global",
        "Royal", "Alpine", "Coastal", "Terra", "Sun", "Maple", "Crown", "Delta", "Omega", "Kestrel",
    ];

    public static readonly string[] EnSecond =
    [
        "star", "bridge", "stone", "field", "river", "peak", "wave", "light", "wing", "point",
        "gate", "line", "rock", "wood", "link", "path", "port", "tree", "lake", "hill",
        "bay", "spring", "forge", "mark", "way", "crest", "vale", "land", "shore", "ridge",
        "brook", "glen", "haven", "cliff", "dale", "ford", "mont", "well", "view", "tech",
    ];

    /// <summary>Country of origin: mostly domestic, then Taiwan, the US, Japan, Hong Kong, Germany, Korea …</summary>
    public static readonly Weighted<string> Countries = new(
        ("CN", 55), ("TW", 8), ("US", 8), ("JP", 7), ("HK", 5), ("DE", 5), ("KR", 4), ("SG", 3), ("FR", 2), ("GB", 1.5), ("NL", 1.5));

    public static string? ForeignCurrency(string country) => country switch
    {
        "US" or "SG" or "TW" => "USD",
        "DE" or "FR" or "NL" => "EUR",
        "JP" => "JPY",
        "KR" => "KRW",
        "HK" => "HKD",
        "GB" => "GBP",
        _ => null,
    };

    public static string LegalForm(string country) => country switch
    {
        "US" => "Inc.",
        "DE" => "GmbH",
        "NL" => "B.V.",
        "FR" => "S.A.",
        "JP" => "K.K.",
        "GB" => "plc",
        "SG" => "Pte. Ltd.",
        _ => "Co., Ltd.",
    };

    /// <summary>Yearly CNY per unit (the bureau's reporting rates); <see cref="RateFor"/> varies them a little per year.</summary>
    public static readonly (string Currency, double CnyPerUnit)[] BaseRates =
        [("USD", 7.05), ("EUR", 7.75), ("JPY", 0.05), ("HKD", 0.905), ("KRW", 0.0053), ("GBP", 8.95)];

    public static double RateFor(string currency, int year)
    {
        if (currency == "CNY")
        {
            return 1;
        }

        var baseRate = BaseRates.First(r => r.Currency == currency).CnyPerUnit;
        return baseRate * (1 + (0.03 * Math.Sin(year * 1.7 + currency[0])));
    }

    /// <summary>The funnel: many leads, few at full capacity; some paused, more lost.</summary>
    public static readonly Weighted<ProjectStage> CurrentStage = new(
        (ProjectStage.Lead, 30), (ProjectStage.Contacted, 18), (ProjectStage.Negotiating, 12), (ProjectStage.Signed, 6),
        (ProjectStage.Registered, 4), (ProjectStage.LandSecured, 3), (ProjectStage.UnderConstruction, 3.5), (ProjectStage.Operating, 3),
        (ProjectStage.AboveScale, 2), (ProjectStage.AtCapacity, 1.5), (ProjectStage.OnHold, 6), (ProjectStage.Lost, 11));

    public static readonly Weighted<ProjectStage> BeforeOnHold = new(
        (ProjectStage.Contacted, 25), (ProjectStage.Negotiating, 35), (ProjectStage.Signed, 20), (ProjectStage.Registered, 10),
        (ProjectStage.LandSecured, 5), (ProjectStage.UnderConstruction, 5));

    public static readonly Weighted<ProjectStage> BeforeLost = new(
        (ProjectStage.Lead, 30), (ProjectStage.Contacted, 30), (ProjectStage.Negotiating, 30), (ProjectStage.Signed, 10));

    public static readonly Weighted<SourceChannel> Sources = new(
        (SourceChannel.Conference, 15), (SourceChannel.Expo, 12), (SourceChannel.OverseasOffice, 10), (SourceChannel.BusinessReferral, 20),
        (SourceChannel.Intermediary, 18), (SourceChannel.PartnerPortal, 8), (SourceChannel.WalkIn, 17));

    public static readonly Weighted<InteractionKind> InteractionKinds = new(
        (InteractionKind.Visit, 25), (InteractionKind.Call, 25), (InteractionKind.Meeting, 15), (InteractionKind.SiteInspection, 8),
        (InteractionKind.Conference, 5), (InteractionKind.Email, 10), (InteractionKind.WeChat, 12));

    /// <summary>Days from the previous stage into this one (min, max).</summary>
    public static (int Min, int Max) DaysInto(ProjectStage stage) => stage switch
    {
        ProjectStage.Contacted => (3, 45),
        ProjectStage.Negotiating => (10, 120),
        ProjectStage.Signed => (20, 240),
        ProjectStage.Registered => (15, 120),
        ProjectStage.LandSecured => (30, 240),
        ProjectStage.UnderConstruction => (20, 200),
        ProjectStage.Operating => (180, 600),
        ProjectStage.AboveScale => (90, 540),
        ProjectStage.AtCapacity => (180, 720),
        _ => (10, 200),
    };

    public static readonly string[] ProjectSuffixes =
        ["投资项目", "新建生产基地项目", "研发中心项目", "增资扩产项目", "区域总部项目", "智能工厂项目", "二期项目", "结算中心项目"];

    public static readonly string[] LostReasons =
        ["投资方战略调整", "选址落户其他城市", "资金链紧张,项目取消", "政策条件未谈拢", "土地指标不足", "企业被并购,项目取消"];

    public static readonly string[] OnHoldReasons =
        ["等待集团董事会决策", "等待用地指标", "环评需整改后再推进", "投资方融资中", "市场变化,暂缓扩产"];

    public static readonly string[] BlockingIssues =
        ["用地指标待落实", "环评审批进度慢", "配套电力容量不足", "外汇登记手续待办", "人才公寓需求待协调", "厂房装修许可待批"];

    public static readonly string[] FollowUpTitles =
    [
        "回访企业高管,确认投资意向", "准备项目洽谈材料", "协调用地指标", "跟进工商注册进度", "约谈环评事宜", "组织现场踏勘",
        "对接金融机构", "跟踪开工准备", "核实到位资金", "发送政策汇编", "安排领导会见", "协调水电气配套",
    ];

    public static readonly string[] Topics =
    [
        "介绍园区载体与产业政策", "了解投资计划与时间表", "讨论用地与厂房需求", "协商协议条款", "对接注册与外汇登记",
        "跟进环评与能评", "现场查看厂房建设进度", "了解投产与用工情况", "核对年度产值与税收", "回访企业经营状况",
    ];

    public static readonly string[] NextSteps =
        ["整理会谈纪要报科长", "下周电话回访", "提交用地预审材料", "安排第二轮洽谈", "协调相关部门会商", "准备签约文本"];

    public static string ZhKind(InteractionKind kind) => kind switch
    {
        InteractionKind.Visit => "走访",
        InteractionKind.Call => "电话",
        InteractionKind.Meeting => "会谈",
        InteractionKind.SiteInspection => "现场考察",
        InteractionKind.Conference => "推介会",
        InteractionKind.Email => "邮件",
        _ => "微信",
    };

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "马", "胡", "郭", "林", "何", "高", "沈"];

    public static readonly string[] GivenNames = ["晓", "静", "伟", "敏", "磊", "婷", "强", "洁", "军", "燕", "涛", "芳", "斌", "丽", "杰", "娟", "勇", "霞", "鹏", "雪"];
}
