
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    // Messages of the code in the tools chunk, loaded on demand (scripts/split-messages.mjs).
    export const templates = {
'actions-accept-invitation': `Accept invitation`,
'actions-decline-invitation': `Decline invitation`,
'actions-declined': `You declined the invitation.`,
'actions-edit-body': `The plan`,
'actions-edit-cancel': `Cancel`,
'actions-edit-save': `Save changes`,
'actions-edit-saved': `Your changes have been saved.`,
'actions-edit-saving': `Saving…`,
'actions-edit-summary': `Summary`,
'actions-edit-unchanged': `Nothing was changed.`,
'actions-follow-confirm': `Follow this initiative`,
'actions-follow-daily': `Once a day`,
'actions-follow-frequency': `E-mail about this initiative`,
'actions-follow-frequency-changed': str`Changed. E-mail about this initiative: ${0}.`,
'actions-follow-immediate': `Straight away, with every update`,
'actions-follow-reading': `Checking whether you follow this initiative…`,
'actions-follow-weekly': `Once a week`,
'actions-followed': str`You follow this initiative. E-mail: ${0}.`,
'actions-invited': `You have been invited to take part in this initiative.`,
'actions-unfollow': `Unfollow`,
'actions-unfollowed': `You no longer follow this initiative. You will get no more e-mail about it.`,
'invite-done': str`${0} has been invited. Once they accept, they take part.`,
'invite-found': `Found`,
'invite-heading': `Invite people`,
'invite-hint': `You see who supports this initiative, joins its discussion or offered help, and the professionals in this neighbourhood. Only you see this list.`,
'invite-many-found': str`${0} people found.`,
'invite-none-found': `Nobody found.`,
'invite-one-found': `1 person found.`,
'invite-pending-heading': `Invited, awaiting an answer`,
'invite-person': str`Invite ${0}`,
'invite-reason-commenter': `Took part in the discussion`,
'invite-reason-offered-help': `Offered help`,
'invite-reason-serves-neighbourhood': `Professional in this neighbourhood`,
'invite-reason-supporter': `Supports this initiative`,
'invite-role': `Invite as`,
'invite-role-member': `Takes part`,
'invite-role-organiser': `Co-organiser`,
'invite-search': `Search by name`,
'invite-searching': `Searching…`
    };
