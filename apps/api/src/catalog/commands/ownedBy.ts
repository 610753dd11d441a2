import { AppError } from '../../application/appError';
import type { StaffDirectory } from '../../accounts/staffDirectory';
import type { Staff } from '../../auth/staff';

/**
 * Who owns a new venue or event: an event manager's organisation, always; an admin's
 * choice (`organisationId` in the body, which must exist), or the platform's when none is given.
 */
export async function ownedBy(staff: Staff, requested: string | undefined, directory: StaffDirectory): Promise<{ organisationId?: string }> {
  const missing = () => new AppError('not_found', `Organisation ${requested} does not exist`, { field: 'organisationId', id: requested });
  if (staff.role !== 'admin') {
    if (requested !== undefined && requested !== staff.organisationId) throw missing();
    return staff.organisationId ? { organisationId: staff.organisationId } : {};
  }
  if (requested === undefined) return {};
  if (!(await directory.read(requested, (state) => state.organisation !== undefined))) throw missing();
  return { organisationId: requested };
}
