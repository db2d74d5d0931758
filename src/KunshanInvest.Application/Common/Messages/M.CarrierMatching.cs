namespace KunshanInvest.Application.Common.Messages;

/// <summary>Matching projects to carriers (载体匹配), reserving a carrier, and 供地 linking it.</summary>
public static partial class M
{
    public static readonly Msg MatchingOneArea = new("matching.one_area", "需求面积请只填亩(宗地)或平方米(房源)中的一个。", "Give the need in mu (parcels) or in m² (premises), not both.");
    public static readonly Msg MatchingArea = new("matching.area", "需求面积须大于 0(不超过 10 万亩或 100 万平方米)。", "The area needed is more than 0 (at most 100,000 mu or 1,000,000 m²).");
    public static readonly Msg MatchingTop = new("matching.top", "返回条数为 1–50。", "Between 1 and 50 matches.");
    public static readonly Msg MatchingPastLand = new("matching.project_past_land", "只有尚未供地、仍在推进的项目可以预留载体。", "Only a project still in the pipeline and before land supply may reserve a carrier.");
    public static readonly Msg MatchingProjectHasReservation = new("matching.project_has_reservation", "该项目已预留了另一处载体,请先释放。", "The project already holds another carrier; release it first.");
    public static readonly Msg MatchingNoReservation = new("matching.no_reservation", "该项目当前没有预留载体。", "The project holds no carrier.");
    public static readonly Msg MatchingOneCarrier = new("matching.one_carrier", "供地只关联一处宗地或一处房源。", "land supply links one parcel or one premises, not both.");
    public static readonly Msg MatchingCarrierRequired = new("matching.carrier_required", "记录供地须选择宗地或房源;没有登记载体的,须由管理人员填写原因。", "Recording land supply needs its land parcel or premises; without one, a manager gives the reason.");
    public static readonly Msg MatchingReasonManager = new("matching.reason_manager", "只有管理人员可以不关联载体记录供地。", "Only a manager may record land supply without a carrier.");
    public static readonly Msg MatchingCarrierLinked = new("matching.carrier_linked", "该项目的供地已关联另一处载体,不能改为其他载体。", "The project's land supply already links another carrier; it cannot be switched.");
    public static readonly Msg MatchingCarrierNeedsDate = new("matching.carrier_needs_date", "供地的载体随实际日期一起记录。", "The carrier is recorded with land supply's actual date.");
}
