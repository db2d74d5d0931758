using System.Security.Cryptography;

namespace KunshanInvest.Application.Portal;

/// <summary>
/// Public reference numbers such as PS-2026-7K3Q9X: the year, then six random characters from an alphabet without
/// look-alikes (no 0/O, 1/I/L, U): 30^6 ≈ 729 million per year, so neighbours cannot be guessed by counting.
/// </summary>
public static class SubmissionReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(int year) => $"PS-{year}-{RandomNumberGenerator.GetString(Alphabet, 6)}";
}
