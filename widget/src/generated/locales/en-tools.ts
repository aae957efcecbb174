
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    // Messages of the code in the tools chunk, loaded on demand (scripts/split-messages.mjs).
    export const templates = {
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
'actions-unfollow': `Unfollow`,
'actions-unfollowed': `You no longer follow this initiative. You will get no more e-mail about it.`
    };
