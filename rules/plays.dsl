# The plays DSL: the sentences a .dslr play is written in. See README.md beside this file.
# Each sentence expands, on its own line, to DRL over the fact model (io.teamplay.plays.facts) and the actions global.
# Order matters: longer sentences come before the shorter ones they start with.

# ---- triggers: each binds $event (AccountEvent) and $account (Account) ----
[condition][]the account enters segment "{segment}"=$event : AccountEvent( type != EventType.DAILY ) $account : Account( id == $event.accountId, entered("{segment}") )
[condition][]the account leaves segment "{segment}"=$event : AccountEvent( type != EventType.DAILY ) $account : Account( id == $event.accountId, left("{segment}") )
[condition][]the account is created=$event : AccountEvent( type == EventType.ACCOUNT_CREATED ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} changes from "{before}" to "{after}"=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", oldIs("{before}"), newIs("{after}") ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} changes to "{after}"=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", newIs("{after}") ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} leaves "{before}"=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", oldIs("{before}"), !newIs("{before}") ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} changes=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}" ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} goes above {number:-?\d+\.?\d*}=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", wentAbove("{number}") ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} reaches {number:-?\d+\.?\d*}=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", reached("{number}") ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} falls below {number:-?\d+\.?\d*}=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", fellBelow("{number}") ) $account : Account( id == $event.accountId )
[condition][]the "{role}" is cleared=$event : AccountEvent( type == EventType.ASSIGNMENT_CHANGED, roleIs("{role}"), toEmail == null ) $account : Account( id == $event.accountId )
[condition][]a new "{role}" is assigned=$event : AccountEvent( type == EventType.ASSIGNMENT_CHANGED, roleIs("{role}"), toEmail != null ) $account : Account( id == $event.accountId )
[condition][]the "{role}" changes hands=$event : AccountEvent( type == EventType.ASSIGNMENT_CHANGED, roleIs("{role}") ) $account : Account( id == $event.accountId )
[condition][]any role changes hands=$event : AccountEvent( type == EventType.ASSIGNMENT_CHANGED ) $account : Account( id == $event.accountId )
[condition][]a team member is disabled=$event : AccountEvent( type == EventType.USER_DISABLED ) $account : Account( id == $event.accountId )
[condition][]it is within {days:\d+} days before the {attribute:\w+}=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId, isWithinDaysBefore("{attribute}", $event.date, {days}) ) Once( attribute == "{attribute}" )
[condition][]it is within {days:\d+} days after the {attribute:\w+}=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId, isWithinDaysAfter("{attribute}", $event.date, {days}) ) Once( attribute == "{attribute}" )
[condition][]the {attribute:\w+} is within {days:\d+} days=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId, isWithinDaysBefore("{attribute}", $event.date, {days}) ) Once( attribute == "{attribute}" )
[condition][]it is {days:\d+} days before the {attribute:\w+}=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId, isDaysBefore("{attribute}", $event.date, {days}) )
[condition][]it is {days:\d+} days after the {attribute:\w+}=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId, isDaysAfter("{attribute}", $event.date, {days}) )
[condition][]a task titled "{title}" is {days:\d+} days overdue=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId ) $task : OpenTask( titled("{title}"), isDaysOverdue($event.date, {days}) )
[condition][]a task is {days:\d+} days overdue=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId ) $task : OpenTask( isDaysOverdue($event.date, {days}) )
[condition][]the "{role}" goes on leave=$event : AccountEvent( type == EventType.LEAVE_STARTED ) $account : Account( id == $event.accountId, holds($event.userEmail, "{role}") )
[condition][]a team member goes on leave=$event : AccountEvent( type == EventType.LEAVE_STARTED ) $account : Account( id == $event.accountId )
[condition][]a user returns from leave=$event : AccountEvent( type == EventType.LEAVE_ENDED ) $account : Account( id == $event.accountId )
[condition][]a new day starts=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId )

# ---- memory: a rule acts once per key, remembered in the database whatever version of the play runs ----
[condition][]once per account per value of {attribute:\w+}=Once( attribute == "{attribute}" )
[condition][]once per account=Once( attribute == null )
[condition][]unless an open task titled "{title}" exists=not OpenTask( titled("{title}") )

# ---- conditions on the account: on their own line, or after "and" on the trigger's line ----
# Numbers are written bare (100000, -2.5), dates and words in quotes ("2027-03-31"): numbers compare as numbers,
# dates as dates, words ignoring case. "or" joins the conditions of one line; each line must hold.
[condition][]its {attribute:\w+} is not one of {values:"[^"]*"(\s*,\s*"[^"]*")*}=Account( this == $account, lowerText("{attribute}") not in ( {values!lc} ) )
[condition][]its {attribute:\w+} is one of {values:"[^"]*"(\s*,\s*"[^"]*")*}=Account( this == $account, lowerText("{attribute}") in ( {values!lc} ) )
[condition][]its {attribute:\w+} is not empty=Account( this == $account, text("{attribute}") != "" )
[condition][]its {attribute:\w+} is empty=Account( this == $account, text("{attribute}") == "" )
[condition][]its {attribute:\w+} is between {low:-?\d+\.?\d*} and {high:-?\d+\.?\d*}=Account( this == $account, isBetween("{attribute}", "{low}", "{high}") )
[condition][]its {attribute:\w+} is between "{low}" and "{high}"=Account( this == $account, isBetween("{attribute}", "{low}", "{high}") )
[condition][]its {attribute:\w+} is at least {number:-?\d+\.?\d*}=Account( this == $account, isAtLeast("{attribute}", "{number}") )
[condition][]its {attribute:\w+} is at least "{value}"=Account( this == $account, isAtLeast("{attribute}", "{value}") )
[condition][]its {attribute:\w+} is at most {number:-?\d+\.?\d*}=Account( this == $account, isAtMost("{attribute}", "{number}") )
[condition][]its {attribute:\w+} is at most "{value}"=Account( this == $account, isAtMost("{attribute}", "{value}") )
[condition][]its {attribute:\w+} is below {number:-?\d+\.?\d*}=Account( this == $account, isBelow("{attribute}", "{number}") )
[condition][]its {attribute:\w+} is below "{value}"=Account( this == $account, isBelow("{attribute}", "{value}") )
[condition][]its {attribute:\w+} is above {number:-?\d+\.?\d*}=Account( this == $account, isAbove("{attribute}", "{number}") )
[condition][]its {attribute:\w+} is above "{value}"=Account( this == $account, isAbove("{attribute}", "{value}") )
[condition][]its {attribute:\w+} contains "{text}"=Account( this == $account, containsText("{attribute}", "{text}") )
[condition][]its {attribute:\w+} is not "{value}"=Account( this == $account, !is("{attribute}", "{value}") )
[condition][]its {attribute:\w+} is "{value}"=Account( this == $account, is("{attribute}", "{value}") )
[condition][]its "{role}" holds more than {count:\d+} accounts=exists TeamMember( roleIs("{role}"), load > {count} )
[condition][]its "{role}" holds fewer than {count:\d+} accounts=exists TeamMember( roleIs("{role}"), load < {count} )
[condition][]team "{team}" has an available member holding fewer than {count:\d+} seats=Account( this == $account, hasAvailableMemberHoldingFewerSeats("{team}", {count}) )
[condition][]team "{team}" has an available member with fewer than {count:\d+} open tasks=Account( this == $account, hasAvailableMemberWithFewerOpenTasks("{team}", {count}) )
[condition][]team "{team}" has an available member=Account( this == $account, hasAvailableMember("{team}") )
[condition][]team "{team}" has no available member=Account( this == $account, !hasAvailableMember("{team}") )
[condition][]it has an open task titled "{title}"=exists OpenTask( titled("{title}") )
[condition][]it has no "{role}"=Account( this == $account, !hasHolder("{role}") )
[condition][]it has a "{role}"=Account( this == $account, hasHolder("{role}") )
[condition][]the disabled user is "{email}"=AccountEvent( this == $event, userEmail == "{email}" )

# ---- actions ----
[consequence][]assign the least loaded available member of team "{team}" as "{role}"=actions.assignLeastLoaded("{role}", "{team}");
[consequence][]assign the least loaded member of team "{team}" as "{role}", at most {cap:\d+} accounts each=actions.assignLeastLoadedWithin("{role}", "{team}", {cap});
[consequence][]assign the least loaded member of team "{team}" as "{role}"=actions.assignLeastLoaded("{role}", "{team}");
[consequence][]assign the next member of team "{team}" by round robin as "{role}", at most {cap:\d+} accounts each=actions.assignRoundRobinWithin("{role}", "{team}", {cap});
[consequence][]assign the next member of team "{team}" by round robin as "{role}"=actions.assignRoundRobin("{role}", "{team}");
[consequence][]assign their cover as "{role}"=actions.assignCover("{role}");
[consequence][]assign "{email}" as "{role}"=actions.assign("{role}", "{email}");
[consequence][]clear the "{role}"=actions.clear("{role}");
[consequence][]create a task "{title}" for the returning user due in {days:\d+} days=actions.createTaskForReturningUser("{title}", {days});
[consequence][]create a task "{title}" for the returning user due today=actions.createTaskForReturningUser("{title}", 0);
[consequence][]create a task "{title}" for the "{role}" due in {days:\d+} days with {priority:\w+} priority=actions.createTaskWithPriority("{role}", "{title}", {days}, "{priority}");
[consequence][]create a task "{title}" for the "{role}" due today with {priority:\w+} priority=actions.createTaskWithPriority("{role}", "{title}", 0, "{priority}");
[consequence][]create a task "{title}" for the "{role}" due in {days:\d+} days=actions.createTask("{role}", "{title}", {days});
[consequence][]create a task "{title}" for the "{role}" due today=actions.createTask("{role}", "{title}", 0);
[consequence][]notify the "{role}" by email and in the app that "{message}"=actions.notifyHolder("{role}", "{message}"); actions.emailHolder("{role}", "{message}");
[consequence][]notify the "{role}" by email that "{message}"=actions.emailHolder("{role}", "{message}");
[consequence][]notify the "{role}" that "{message}"=actions.notifyHolder("{role}", "{message}");
[consequence][]set the {attribute:\w+} to "{value}"=actions.setAttribute("{attribute}", "{value}");
[consequence][]set the {attribute:\w+} to {number:-?\d+\.?\d*}=actions.setAttribute("{attribute}", "{number}");
[consequence][]remove the {attribute:\w+}=actions.setAttribute("{attribute}", "");
