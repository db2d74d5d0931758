namespace KunshanInvest.Application.Common.Messages;

/// <summary>Carriers (载体): land parcels and premises, their reservation and supply.</summary>
public static partial class M
{
    public static readonly Msg CarrierArea = new("carrier.area", "面积须大于 0(宗地不超过 10 万亩,房源不超过 100 万平方米),空置面积不超过总面积。", "The area must be more than 0 (parcels at most 100,000 亩, premises at most 1,000,000 m²), the vacant part at most all of it.");
    public static readonly Msg CarrierUseUnknown = new("carrier.use", "未知的用地用途。", "Unknown land use.");
    public static readonly Msg CarrierStatusUnknown = new("carrier.status", "未知的宗地状态。", "Unknown parcel status.");
    public static readonly Msg CarrierPrice = new("carrier.price", "价格不能为负数。", "A price cannot be negative.");
    public static readonly Msg CarrierBuilding = new("carrier.building", "请填写楼栋。", "Premises need their building.");
    public static readonly Msg CarrierKindUnknown = new("carrier.kind", "未知的房源类型。", "Unknown premises kind.");
    public static readonly Msg CarrierStructure = new("carrier.structure", "楼面荷载须大于 0 且不超过 1000 kN/m²,层数 1–200。", "Floor load is more than 0 and at most 1,000 kN/m²; floors 1 to 200.");
    public static readonly Msg CarrierSold = new("carrier.sold", "该宗地已供给项目,状态不能改回。", "The parcel has been supplied to a project; its status cannot go back.");
    public static readonly Msg CarrierNotAvailable = new("carrier.not_available", "该载体当前不可供。", "The carrier is not available.");
    public static readonly Msg CarrierReserved = new("carrier.reserved", "该载体已为其他项目预留。", "The carrier is reserved for another project.");
    public static readonly Msg CarrierNotReserved = new("carrier.not_reserved", "该载体没有预留。", "The carrier is not reserved.");
}
