using KunshanInvest.Domain.Files;

namespace KunshanInvest.Web.Text;

/// <summary>Staff files on projects, enterprises and visits, and the visit photos (ADR 0037).</summary>
public static partial class T
{
    public static string StaffFiles => P("文件", "Files");
    public static string StaffFilesHint => P("合同、会议纪要、照片、营业执照等,仅局内人员可见;照片上传后自动缩小并去除位置信息。", "Contracts, minutes, photos, business licences — bureau staff only; photos are shrunk and their location removed on upload.");
    public static string StaffFilesNone => P("还没有文件。", "No files yet.");
    public static string StaffFileUpload => P("上传文件", "Upload files");
    public static string StaffFileCategoryLabel => P("文件类型", "Kind of file");
    public static string StaffFileDelete => P("删除", "Delete");
    public static string StaffFileDeleted => P("已删除", "Deleted");
    public static string StaffFilesUploaded(int count) => P($"已上传 {count} 个文件", $"{count} file(s) uploaded");
    public static string StaffFileOnVisit => P("走访", "Visit");
    public static string StaffFileBy(string? name, DateTime atUtc) => $"{name} · {Times.Minute(atUtc)}";
    public static string RecordVisitAction => P("记录走访", "Record visit");
    public static string VisitPhotos => P("现场照片", "Photos");
    public static string VisitPhotosHint => P("可直接用手机拍照,最多 5 张。", "Take them with the phone's camera; up to five.");
    public static string VisitPhotosPicked(int count) => P($"已选 {count} 张照片", $"{count} photo(s) chosen");
    public static string VisitPhotosFailed => P("走访已保存,但照片未能上传:", "The visit was saved, but its photos were not: ");
    public static string CloseForm => P("收起", "Close");

    public static string StaffFileCategoryName(StaffFileCategory category) => category switch
    {
        StaffFileCategory.Contract => P("合同/协议", "Contract"),
        StaffFileCategory.Minutes => P("会议纪要", "Minutes"),
        StaffFileCategory.Photo => P("照片", "Photo"),
        StaffFileCategory.BusinessLicence => P("营业执照", "Business licence"),
        _ => P("其他", "Other"),
    };
}
