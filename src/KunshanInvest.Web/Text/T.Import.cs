namespace KunshanInvest.Web.Text;

public static partial class T
{
    public static string ExportXlsx => P("导出 Excel", "Export .xlsx");
    public static string ExportCsv => P("导出 CSV", "Export .csv");
    public static string ImportLeads => P("批量导入线索", "Import leads");
    public static string ImportHint => P("上传按模板填写的 .xlsx(最多2000行、5MB)。先预览检查,每一行都通过后才能确认导入;任何一行有误都不会写入。", "Upload an .xlsx filled in from the template (up to 2,000 rows, 5 MB). Preview first; the import can be confirmed only when every row passes, and nothing is written if any row fails.");
    public static string DownloadTemplate => P("下载模板", "Download template");
    public static string ChooseFile => P("选择文件", "Choose file");
    public static string Preview => P("预览检查", "Preview");
    public static string ConfirmImport => P("确认导入", "Confirm import");
    public static string Row => P("行", "Row");
    public static string Action => P("操作", "Action");
    public static string Errors => P("问题", "Problems");
    public static string ImportSummary(int rows, int bad, int newEnterprises) => P($"共 {rows} 行,{bad} 行有问题,将新建企业 {newEnterprises} 家", $"{rows} rows, {bad} with problems, {newEnterprises} new enterprises");
    public static string Imported(int rows) => P($"已导入 {rows} 条线索", $"{rows} leads imported");
    public static string FileTooLarge => P("文件超过 5MB", "The file is larger than 5 MB");
}
