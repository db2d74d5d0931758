namespace KunshanInvest.Application.Common.Messages;

/// <summary>Staff files on projects, enterprises and visits, and visit photos (ADR 0037).</summary>
public static partial class M
{
    public static readonly Msg StaffFileTooMany = new("staff_file.too_many", "每次最多上传 {max} 个文件。", "At most {max} files per upload.");
    public static readonly Msg StaffFileOwnerKind = new("staff_file.owner_kind", "文件只能挂在项目、企业或走访记录上。", "Files belong to a project, an enterprise or a visit.");
    public static readonly Msg StaffFileDeleteForbidden = new("staff_file.delete_forbidden", "只有上传人或经理可以删除该文件。", "Only the uploader or a manager may delete this file.");
    public static readonly Msg PhotoTooManyPixels = new("photo.too_many_pixels", "图片尺寸过大({file}:{width}×{height}),最多 {max} 百万像素、每边不超过 {side} 像素。", "The image is too large ({file}: {width}×{height}); at most {max} megapixels and {side} pixels a side.");
    public static readonly Msg PhotoUnreadable = new("photo.unreadable", "无法读取图片({file})。", "The image cannot be read ({file}).");
}
