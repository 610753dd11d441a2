import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PLATFORM_ORGANISATION, type Actor, type OrganisationState } from '@app/domain';
import * as api from '@app/contracts';
import type { z } from 'zod';
import { AppError } from '../application/appError';
import { AdminGuard } from '../auth/guards';
import { CurrentStaff, Roles, type Staff } from '../auth/staff';
import { StaffScope } from '../catalog/staffScope';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';
import { CreateOrganisationDto, CreateUserDto, IssueTokenDto } from './accounts.dto';
import { StaffDirectory } from './staffDirectory';

type OrganisationDetail = z.infer<typeof api.OrganisationDetail>;
type StaffUser = z.infer<typeof api.StaffUser>;

/**
 * Organisations and their staff. Admins create organisations and any user; an event
 * manager creates and equips its own organisation's check-in staff; anyone may rotate
 * their own tokens. The rules are the accounts decider's; this only carries them.
 */
@Controller('v1/admin')
@UseGuards(AdminGuard)
export class AccountsController {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly scope: StaffScope,
  ) {}

  @Get('me')
  @Roles('event_manager', 'auditor', 'gate')
  @Endpoint({ summary: 'Who this staff token belongs to', caller: 'admin', roles: ['event_manager', 'auditor', 'gate'], answer: api.Me })
  me(@CurrentStaff() staff: Staff): z.infer<typeof api.Me> {
    return { userId: staff.userId, name: staff.name, role: staff.role, ...(staff.organisationId ? { organisationId: staff.organisationId } : {}), showIds: [...staff.showIds] };
  }

  @Post('organisations')
  @HttpCode(201)
  @Endpoint({ summary: 'Create an organisation (admins)', caller: 'admin', status: 201, body: api.CreateOrganisationRequest, answer: api.Organisation, errors: [409] })
  async createOrganisation(@CurrentStaff() staff: Staff, @Body() body: CreateOrganisationDto): Promise<z.infer<typeof api.Organisation>> {
    await this.directory.execute({ type: 'CreateOrganisation', data: { organisationId: body.id, name: body.name, actor: actor(staff), now: Date.now() } });
    const detail = await this.detail(staff, body.id);
    return { id: detail.id, name: detail.name, createdAt: detail.createdAt };
  }

  @Get('organisations/:organisationId')
  @Roles('event_manager', 'auditor')
  @Endpoint({ summary: 'An organisation with its staff and their tokens (never the tokens themselves)', caller: 'admin', roles: ['event_manager', 'auditor'], answer: api.OrganisationDetail, errors: [404] })
  organisation(@CurrentStaff() staff: Staff, @Param('organisationId') organisationId: string): Promise<OrganisationDetail> {
    return this.detail(staff, pathId(organisationId, 'organisationId'));
  }

  @Post('organisations/:organisationId/users')
  @HttpCode(201)
  @Roles('event_manager')
  @Endpoint({ summary: 'Create a staff user (admins: any role; event managers: gate users of their own shows)', caller: 'admin', roles: ['event_manager'], status: 201, body: api.CreateUserRequest, answer: api.StaffUser, errors: [404, 409] })
  async createUser(@CurrentStaff() staff: Staff, @Param('organisationId') organisationId: string, @Body() body: CreateUserDto): Promise<StaffUser> {
    const orgId = this.visible(staff, pathId(organisationId, 'organisationId'));
    const showIds = body.showIds ?? [];
    // A gate user checks tickets in at its own organisation's shows only.
    const owner: Staff = { userId: staff.userId, role: 'event_manager', name: staff.name, organisationId: orgId, showIds: [] };
    for (const [i, showId] of showIds.entries()) {
      await this.scope.show(owner, showId).catch(() => {
        throw new AppError('not_found', `Show ${showId} does not exist in organisation ${orgId}`, { field: `showIds[${i}]`, id: showId });
      });
    }
    const userId = randomUUID();
    await this.directory.execute({ type: 'CreateUser', data: { organisationId: orgId, userId, name: body.name, role: body.role, showIds, actor: actor(staff), now: Date.now() } });
    return this.directory.read(orgId, (state) => userView(orgId, state, userId));
  }

  @Delete('organisations/:organisationId/users/:userId')
  @HttpCode(204)
  @Roles('event_manager')
  @Endpoint({ summary: 'Disable a staff user: every token of theirs stops working', caller: 'admin', roles: ['event_manager'], errors: [404] })
  async disableUser(@CurrentStaff() staff: Staff, @Param('organisationId') organisationId: string, @Param('userId') userId: string): Promise<void> {
    const orgId = this.visible(staff, pathId(organisationId, 'organisationId'));
    await this.directory.execute({ type: 'DisableUser', data: { organisationId: orgId, userId: pathId(userId, 'userId'), actor: actor(staff), now: Date.now() } });
  }

  @Post('organisations/:organisationId/users/:userId/tokens')
  @HttpCode(201)
  @Roles('event_manager', 'auditor', 'gate')
  @Endpoint({ summary: 'Issue a token to a staff user (shown once)', caller: 'admin', roles: ['event_manager', 'auditor', 'gate'], status: 201, body: api.IssueTokenRequest, answer: api.IssuedToken, errors: [404, 422] })
  issueToken(@CurrentStaff() staff: Staff, @Param('organisationId') organisationId: string, @Param('userId') userId: string, @Body() body: IssueTokenDto): Promise<z.infer<typeof api.IssuedToken>> {
    const orgId = this.visible(staff, pathId(organisationId, 'organisationId'));
    return this.directory.issueToken(orgId, pathId(userId, 'userId'), body.label ?? '', actor(staff));
  }

  @Delete('organisations/:organisationId/users/:userId/tokens/:tokenId')
  @HttpCode(204)
  @Roles('event_manager', 'auditor', 'gate')
  @Endpoint({ summary: 'Revoke a staff token: it stops working at once here and within a second everywhere', caller: 'admin', roles: ['event_manager', 'auditor', 'gate'], errors: [404] })
  async revokeToken(
    @CurrentStaff() staff: Staff,
    @Param('organisationId') organisationId: string,
    @Param('userId') userId: string,
    @Param('tokenId') tokenId: string,
  ): Promise<void> {
    const orgId = this.visible(staff, pathId(organisationId, 'organisationId'));
    await this.directory.execute({ type: 'RevokeUserToken', data: { organisationId: orgId, userId: pathId(userId, 'userId'), tokenId: pathId(tokenId, 'tokenId'), actor: actor(staff), now: Date.now() } });
  }

  private async detail(staff: Staff, organisationId: string): Promise<OrganisationDetail> {
    const orgId = this.visible(staff, organisationId);
    const found = await this.directory.read(orgId, (state) =>
      state.organisation
        ? { id: orgId, name: state.organisation.name, createdAt: state.organisation.createdAt, users: [...state.users.keys()].map((id) => userView(orgId, state, id)) }
        : undefined,
    );
    if (!found) throw new AppError('not_found', `Organisation ${orgId} does not exist`, { organisationId: orgId });
    return found;
  }

  /** Staff see their own organisation only; any other is answered as missing. */
  private visible(staff: Staff, organisationId: string): string {
    const own = staff.organisationId ?? (staff.userId === 'admin' ? undefined : PLATFORM_ORGANISATION);
    if (staff.role !== 'admin' && own !== organisationId) throw new AppError('not_found', `Organisation ${organisationId} does not exist`, { organisationId });
    return organisationId;
  }
}

function actor(staff: Staff): Actor {
  return { userId: staff.userId, role: staff.role, organisationId: staff.organisationId ?? (staff.userId === 'admin' ? undefined : PLATFORM_ORGANISATION) };
}

function userView(organisationId: string, state: OrganisationState, userId: string): StaffUser {
  const user = state.users.get(userId);
  if (!user) throw new Error(`user ${userId} of ${organisationId} was written but is not in the state`);
  return {
    userId,
    organisationId,
    name: user.name,
    role: user.role,
    showIds: [...user.showIds],
    createdAt: user.createdAt,
    createdBy: user.createdBy,
    ...(user.disabledAt ? { disabledAt: user.disabledAt } : {}),
    tokens: [...user.tokens.values()].map((t) => ({ tokenId: t.tokenId, label: t.label, issuedAt: t.issuedAt, issuedBy: t.issuedBy, ...(t.revokedAt ? { revokedAt: t.revokedAt } : {}) })),
  };
}
