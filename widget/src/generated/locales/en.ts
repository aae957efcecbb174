
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    // The first view's messages; the others are in en-more.ts (scripts/split-messages.mjs).
    export const templates = {
'empty': `No initiatives yet.`,
'empty-neighbourhood': `No initiatives in this neighbourhood yet.`,
'initiatives-added': str`${0} initiatives added.`,
'initiatives-added-one': `1 initiative added.`,
'initiatives-found': str`${0} initiatives found.`,
'initiatives-found-one': `1 initiative found.`,
'initiatives-loading': `Loading initiatives…`,
'label-neighbourhood-colon': `Neighbourhood:`,
'label-status-colon': `Status:`,
'more-loading': `Loading…`,
'more-show': `Show more`,
'problem-initiatives': `Loading the initiatives did not work. Please try again.`,
'problem-network': `Buurtplein cannot be reached right now. Please check your internet connection and try again.`,
'problem-site': `This page is not connected to Buurtplein correctly. Please let the website’s administrator know.`,
'retry': `Try again`,
'status-active': `Active`,
'status-archived': `Archived`,
'status-completed': `Completed`,
'status-gathering': `Looking for neighbours`,
'status-idea': `Idea`,
'status-paused': `Paused`,
'status-planning': `Planning`,
'supporters': str`${0} neighbours support this`,
'supporters-one': `1 neighbour supports this`
    };
