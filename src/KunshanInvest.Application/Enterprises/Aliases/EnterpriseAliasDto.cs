using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Enterprises.Aliases;

/// <summary>One other name of an enterprise: 品牌 brand, 简称 abbreviation, 曾用名 former or 英文名 English.</summary>
public sealed record EnterpriseAliasDto(Guid Id, Guid EnterpriseId, string Text, AliasKind Kind, string Key);
