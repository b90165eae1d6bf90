using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Access;

/// <summary>
/// Who may read sensitive data: health, disability, a possible sanction, judicial or health prescribers.
/// The référent, the coordinators and the FSE officer may; others see the national category instead
/// (an exit for «santé» appears as «autre sortie sans suite»), and sensitive barriers and flags are left out.
/// </summary>
public static class SensitiveData
{
    public static bool MaySee(Role roles) => (roles & (Role.Referent | Role.Coordinator | Role.FseOfficer)) != 0;

    public static bool IsSensitive(BarrierCategory barrier) => barrier == BarrierCategory.SANTE;
}
